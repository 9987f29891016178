package top // want package:"pools\\(factories=false, sites=0, deps=2\\)"

// top reaches a's two sites twice, directly and through mid's fact: its
// own fact carries them once, so facts do not grow with the paths to a
// site.

import (
	_ "maxpools/a"
	_ "maxpools/mid"
)
