// Command gen writes connect.json: the trimmed service model plus model.AddedOperations taken from the full
// model, with its documentation strings removed (we keep AWS's facts, not its prose).
//
//	go run ./gen TRIMMED FULL DEST
//
// With two arguments it writes DEST from one model, documentation stripped (Cloud Control's):
//
//	go run ./gen SOURCE DEST
package main

import (
	"fmt"
	"os"

	"github.com/connectlocal/connectlocal/internal/model"
)

func main() {
	var out []byte
	var err error
	switch len(os.Args) {
	case 3:
		var src []byte
		if src, err = os.ReadFile(os.Args[1]); err == nil {
			out, err = model.Strip(src)
		}
	case 4:
		out, err = generate(os.Args[1], os.Args[2])
	default:
		fmt.Fprintln(os.Stderr, "usage: gen TRIMMED FULL DEST | gen SOURCE DEST")
		os.Exit(2)
	}
	if err == nil {
		err = os.WriteFile(os.Args[len(os.Args)-1], out, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func generate(trimmedPath, fullPath string) ([]byte, error) {
	trimmed, err := os.ReadFile(trimmedPath)
	if err != nil {
		return nil, err
	}
	full, err := os.ReadFile(fullPath)
	if err != nil {
		return nil, err
	}
	src, err := model.Extend(trimmed, full, model.AddedOperations)
	if err != nil {
		return nil, err
	}
	return model.Strip(src)
}
