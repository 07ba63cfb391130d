from enforcer._cli import main

raise SystemExit(main())
