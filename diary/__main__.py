from diary.cli import main

raise SystemExit(main())
