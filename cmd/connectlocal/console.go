package main

import (
	"context"
	"log/slog"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/console"
)

// consoleRequests is how many recent requests the console's request list keeps.
const consoleRequests = 1000

// setupConsole, when on, makes the API record every request (bodies included) for the console and returns
// the function that mounts the console at /console/ once the API exists; off, it returns a no-op.
func setupConsole(on bool, opts *awsapi.Options, svc *connectlocal.Service, account string, logger *slog.Logger) func(*awsapi.API) {
	if !on {
		return func(*awsapi.API) {}
	}
	reqs := console.NewRequests(consoleRequests)
	opts.CaptureBodies = true
	opts.Hooks.After = append(opts.Hooks.After, reqs.Record)
	return func(api *awsapi.API) {
		api.Mount(console.Prefix, console.New(console.Options{
			API: api, Service: svc, Requests: reqs, Logger: logger,
			DefaultScope: connectlocal.Scope{Account: account, Region: "us-east-1"},
			Reset: func(ctx context.Context, account, region string) (map[string]int, error) {
				c, err := svc.Reset(ctx, connectlocal.ScopeMatch{Account: account, Region: region})
				return map[string]int{"instances": c.Instances, "contact flows": c.ContactFlows,
					"task templates": c.TaskTemplates, "contacts": c.Contacts}, err
			},
		}), nil)
	}
}
