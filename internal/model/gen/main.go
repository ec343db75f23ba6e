// Command gen writes connect.json: the service model with its documentation strings removed (we keep AWS's
// facts, not its prose).
//
//	go run ./gen SOURCE DEST
package main

import (
	"fmt"
	"os"

	"github.com/connectlocal/connectlocal/internal/model"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gen SOURCE DEST")
		os.Exit(2)
	}
	src, err := os.ReadFile(os.Args[1])
	if err == nil {
		var out []byte
		if out, err = model.Strip(src); err == nil {
			err = os.WriteFile(os.Args[2], out, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
