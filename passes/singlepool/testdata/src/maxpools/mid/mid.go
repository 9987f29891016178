package mid // want package:"pools\\(factories=false, sites=0, deps=2\\)"

// mid opens no pool, but links a, which opens two: its fact carries them
// (deps), because under go vet a package sees only the facts of the
// packages its imports' export data mention.

import _ "maxpools/a"
