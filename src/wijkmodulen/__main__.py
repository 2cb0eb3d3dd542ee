from wijkmodulen.cli import main

main()
