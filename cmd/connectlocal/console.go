package main

import (
	"context"
	"log/slog"
	"net/http"
	"strings"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/console"
	"github.com/connectlocal/connectlocal/sigv4auth"
)

// consoleRequests is how many recent requests the console's request list keeps.
const consoleRequests = 1000

// setupConsole, when on, makes the API record every request (bodies included) for the console and returns
// the function that mounts the console at /console/ once the API exists; off, it returns a no-op. keys are
// --auth sigv4's: with them the console asks for a key and secret and shows only that key's account.
func setupConsole(on bool, opts *awsapi.Options, svc *connectlocal.Service, account string, keys []sigv4auth.Key, logger *slog.Logger) func(*awsapi.API) {
	if !on {
		return func(*awsapi.API) {}
	}
	reqs := console.NewRequests(consoleRequests)
	opts.CaptureBodies = true
	opts.Hooks.After = append(opts.Hooks.After, reqs.Record)
	// The Before hooks (signature check, throttling, faults) stand for AWS in front of the API; the console is a
	// browser page, not an AWS call: it signs in on its own and is neither throttled nor faulted.
	for i, before := range opts.Hooks.Before {
		opts.Hooks.Before[i] = func(r *http.Request, x *awsapi.Exchange) error {
			if strings.HasPrefix(r.URL.Path, console.Prefix) || isRoot(r) {
				return nil
			}
			return before(r, x)
		}
	}
	copts := console.Options{
		Service: svc, Requests: reqs, Logger: logger,
		DefaultScope: connectlocal.Scope{Account: account, Region: "us-east-1"},
		Reset: func(ctx context.Context, account, region string) (map[string]int, error) {
			c, err := svc.Reset(ctx, connectlocal.ScopeMatch{Account: account, Region: region})
			return map[string]int{"instances": c.Instances, "contact flows": c.ContactFlows,
				"task templates": c.TaskTemplates, "contacts": c.Contacts}, err
		},
	}
	if keys != nil {
		copts.Login = sigv4auth.New(keys).Account
	}
	return func(api *awsapi.API) {
		copts.API = api
		api.Mount(console.Prefix, console.New(copts), nil)
		// A browser pointed at the server lands on the console rather than on an unknown-operation error
		// (issue 19 #15). No Connect or Cloud Control operation uses GET / (Cloud Control is POST /).
		api.Mount("GET /{$}", http.RedirectHandler(console.Prefix, http.StatusFound), nil)
	}
}

// isRoot reports whether r is a browser's GET / (or HEAD /), which the console answers.
func isRoot(r *http.Request) bool {
	return (r.Method == http.MethodGet || r.Method == http.MethodHead) && r.URL.Path == "/"
}
