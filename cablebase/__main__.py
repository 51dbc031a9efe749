from cablebase.cli import main

raise SystemExit(main())
