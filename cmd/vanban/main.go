// Command vanban reads Vietnamese planning documents and serves search
// over them.
//
//	vanban extract [--text] FILE...   structured JSON of each document ("-" reads stdin)
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "extract":
		err = runExtract(os.Args[2:], os.Stdin, os.Stdout)
	case "-h", "--help", "help":
		usage()
		return
	default:
		fmt.Fprintf(os.Stderr, "vanban: unknown command %q\n", os.Args[1])
		usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "vanban:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprint(os.Stderr, `usage: vanban COMMAND [flags]

commands:
  extract [--text] FILE...   print the structure of each document as JSON
                             (FILE "-" reads standard input; --text prints
                             the normalised text the spans point into)
`)
}
