"""Whether a correlation matrix can carry a factor analysis: KMO and Bartlett's test as gates.

A factor analysis looks for a few common factors behind correlated items. Two checks say whether
there is anything to look for (Dziuban & Shirkey 1974, the usual "decision rules"):

- Kaiser's measure of sampling adequacy (KMO): an overall MSA below 0.50 is "unacceptable"
  (Kaiser 1974): the partial correlations are as large as the correlations, so the items share
  too little for factors.
- Bartlett's test of sphericity: when it cannot reject an identity matrix (p at or above
  1 − the confidence level), the items cannot be told from uncorrelated ones (Bartlett 1950).

Review 13, finding 2: ``servqual reliability`` printed a full four-factor pattern matrix for gap
scores with KMO 0.455 and Bartlett p 0.783, one item loading 1.00 and the rest about 0, without
a word; an examiner would reject a thesis that interprets it. The EFA is still computed and its
table kept (a reader or examiner may want to see it), but :class:`Factorability` says it is not to
be interpreted, the report marks the table and the caveats below say why.

References
----------
Bartlett, M. S. (1950). Tests of significance in factor analysis. British Journal of Psychology,
Statistical Section 3, 77-85. Dziuban, C. D. & Shirkey, E. C. (1974). When is a correlation
matrix appropriate for factor analysis? Some decision rules. Psychological Bulletin 81, 358-361.
Kaiser, H. F. (1974). An index of factorial simplicity. Psychometrika 39, 31-36.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from servqual_cli.core.caveats import Caveat

__all__ = ["KMO_MIN", "Factorability", "factorability"]

KMO_MIN = 0.5  # Kaiser (1974): an overall MSA below 0.50 is "unacceptable"


@dataclass(frozen=True)
class Factorability:
    """The KMO and Bartlett gates of one score's factor analysis.

    ``kmo`` is the overall MSA and ``bartlett_p`` the test's p (None where not computed);
    ``sig`` is the test's level, 1 − conf.

    >>> f = Factorability(kmo=0.4547, bartlett_p=0.7833, sig=0.05)
    >>> f.kmo_low, f.identity_not_rejected, f.efa_interpretable
    (True, True, False)
    >>> Factorability(kmo=0.81, bartlett_p=1e-20, sig=0.05).efa_interpretable
    True
    """

    kmo: float | None
    bartlett_p: float | None
    sig: float
    kmo_min: float = KMO_MIN

    @property
    def kmo_low(self) -> bool:
        """KMO below 0.5 (Kaiser 1974)."""
        return self.kmo is not None and self.kmo < self.kmo_min

    @property
    def identity_not_rejected(self) -> bool:
        """Bartlett's test does not reject an identity matrix at ``sig`` (Bartlett 1950)."""
        return self.bartlett_p is not None and self.bartlett_p >= self.sig

    @property
    def efa_interpretable(self) -> bool:
        """Neither gate failed: the EFA's loadings may be read as factors."""
        return not (self.kmo_low or self.identity_not_rejected)

    def caveats(self) -> tuple[Caveat, ...]:
        """One caveat per failed gate (``kmo_low``, ``bartlett_identity``).

        >>> [c.message for c in Factorability(0.4547, 0.7833, 0.05).caveats()][1]
        'the correlation matrix cannot be told from an identity matrix (Bartlett p = 0.783 ≥ \
0.05): the items may as well be uncorrelated, so the EFA loadings are not to be interpreted.'
        """
        out = []
        if self.kmo_low:
            out.append(Caveat("kmo_low", {"kmo": self.kmo, "min": self.kmo_min}))
        if self.identity_not_rejected:
            out.append(Caveat("bartlett_identity", {"p": self.bartlett_p, "sig": self.sig}))
        return tuple(out)

    def to_dict(self) -> dict[str, Any]:
        """``{"kmo_min", "kmo_below_min", "bartlett_alpha", "bartlett_not_significant",
        "efa_interpretable"}``: the flags the JSON carries beside KMO and Bartlett."""
        return {
            "kmo_min": self.kmo_min,
            "kmo_below_min": self.kmo_low,
            "bartlett_alpha": self.sig,
            "bartlett_not_significant": self.identity_not_rejected,
            "efa_interpretable": self.efa_interpretable,
        }


def factorability(kmo: float | None, bartlett_p: float | None, conf: float) -> Factorability:
    """The gates at the run's confidence level (Bartlett's test at 1 − ``conf``).

    >>> factorability(0.62, 0.03, conf=0.99).identity_not_rejected
    True
    """
    return Factorability(kmo, bartlett_p, round(1.0 - conf, 10))  # 0.05, not 0.050000000000000044
