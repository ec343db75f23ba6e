package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/seed"
	"sigs.k8s.io/yaml"
)

// countsText says counts in words: "1 instance, 2 task templates" or "nothing".
func countsText(c connectlocal.Counts) string {
	var parts []string
	for _, p := range []struct {
		n    int
		noun string
	}{{c.Instances, "instance"}, {c.ContactFlows, "contact flow"}, {c.TaskTemplates, "task template"}, {c.Contacts, "contact"},
		{c.RoutingObjects, "routing object"}} {
		if p.n == 1 {
			parts = append(parts, "1 "+p.noun)
		} else if p.n > 1 {
			parts = append(parts, fmt.Sprintf("%d %ss", p.n, p.noun))
		}
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, ", ")
}

// stateFlags are export's and import's: where the state is, a store or a running server.
func stateFlags(name string) (*flag.FlagSet, *string, *string, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	store := fs.String("store", "", "store URL: sqlite:PATH, memory or postgres://... (not while a server uses a SQLite file)")
	endpoint := fs.String("endpoint", "", "a running server's URL, e.g. http://127.0.0.1:4599")
	account := fs.String("account-id", "000000000000", "account of a document's entries that name none")
	return fs, store, endpoint, account
}

func pickSource(store, endpoint string) error {
	if (store == "") == (endpoint == "") {
		return errors.New("give exactly one of --store URL and --endpoint URL")
	}
	return nil
}

func exportCmd(ctx context.Context, args []string, stdout io.Writer) error {
	fs, storeURL, endpoint, _ := stateFlags("export")
	if err := parseFlags(fs, args, stdout, "usage: connectlocal export (--store URL | --endpoint URL) > state.json\n\nflags:\n"); err != nil {
		return err
	}
	if err := pickSource(*storeURL, *endpoint); err != nil {
		return err
	}
	if *endpoint != "" {
		body, err := call(ctx, http.MethodGet, *endpoint+"/_connectlocal/export", nil)
		if err != nil {
			return err
		}
		_, err = stdout.Write(body)
		return err
	}
	store, err := openStore(ctx, *storeURL, 0)
	if err != nil {
		return err
	}
	defer store.Close()
	snap, err := connectlocal.NewService(store).Export(ctx)
	if err != nil {
		return err
	}
	body, err := awsapi.EncodeDocument(snap)
	if err != nil {
		return err
	}
	_, err = stdout.Write(body)
	return err
}

func importCmd(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	fs, storeURL, endpoint, account := stateFlags("import")
	quotas := connectlocal.DefaultQuotas()
	fs.Var(quotaFlag{&quotas}, "quota", "with --store: a quota the import checks against, NAME=N, as serve takes it (a server applies its own)")
	fs.SetOutput(io.Discard)
	// FILE comes after the flags; parse them first, then take it.
	if err := fs.Parse(args); err != nil {
		return parseFlags(fs, args, stdout, "usage: connectlocal import (--store URL | --endpoint URL) FILE\n\nFILE is a state document (JSON or YAML), - for stdin.\n\nflags:\n")
	}
	if fs.NArg() != 1 {
		return errors.New("import takes one FILE (- for stdin) after its flags")
	}
	if err := pickSource(*storeURL, *endpoint); err != nil {
		return err
	}
	var raw []byte
	var err error
	if name := fs.Arg(0); name == "-" {
		raw, err = io.ReadAll(stdin)
	} else {
		raw, err = os.ReadFile(name)
	}
	if err != nil {
		return err
	}
	doc, err := yaml.YAMLToJSON(raw)
	if err != nil {
		return fmt.Errorf("%s: %v", fs.Arg(0), err)
	}
	var res connectlocal.ImportResult
	if *endpoint != "" {
		body, err := call(ctx, http.MethodPost, *endpoint+"/_connectlocal/import?account="+*account, doc)
		if err != nil {
			return fmt.Errorf("nothing imported: %v", err)
		}
		if err := json.Unmarshal(body, &res); err != nil {
			return fmt.Errorf("%s answered %s", *endpoint, body)
		}
	} else {
		store, err := openStore(ctx, *storeURL, 0)
		if err != nil {
			return err
		}
		defer store.Close()
		snap, err := awsapi.DecodeDocument(doc, *account)
		if err == nil {
			svc := connectlocal.NewService(store)
			svc.Quotas = quotas
			res, err = svc.Import(ctx, snap)
		}
		if err != nil {
			return fmt.Errorf("nothing imported: %s", seed.Describe(err))
		}
	}
	fmt.Fprintf(stdout, "imported: created %s; found already there %s\n", countsText(res.Created), countsText(res.Found))
	return nil
}

// call makes a request to a running server and returns the body of a 200, or the server's message.
func call(ctx context.Context, method, url string, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		var e struct{ Message string }
		if json.Unmarshal(out, &e) == nil && e.Message != "" {
			return nil, errors.New(e.Message)
		}
		return nil, fmt.Errorf("%s %s: %s: %s", method, url, resp.Status, out)
	}
	return out, nil
}
