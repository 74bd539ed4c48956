from drafter.main import main

main()
