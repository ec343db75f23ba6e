package templatefile

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzCheck: no file makes Check panic; every finding has a place in the file. Seeds: the CLI's testdata.
func FuzzCheck(f *testing.F) {
	files, _ := filepath.Glob("../cmd/connectlocal/testdata/validate/*.[jy]*")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`[{"Fields": [{"Ref": "X"}]}, 1, null]`))
	f.Add([]byte("Resources: {T: {Type: AWS::Connect::TaskTemplate, Properties: !If [a, b, c]}}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		found, err := Check("f", data)
		if err != nil {
			return
		}
		for _, x := range found {
			if x.Line < 1 || x.Column < 1 || x.Code == "" || x.Message == "" {
				t.Fatalf("finding without place or code: %+v", x)
			}
		}
	})
}
