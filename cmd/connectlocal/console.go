package main

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/console"
	"github.com/connectlocal/connectlocal/sigv4auth"
)

// consoleRequests is how many recent requests the console's request list keeps.
const consoleRequests = 1000

// newConsole returns the console's handler and the ring of recent requests it shows (the gateway's After hook
// fills it, bodies included). It is mounted in a group of its own: the Before hooks (signature check,
// throttling, faults) stand for AWS in front of the API, and the console is a browser page, not an AWS call:
// it signs in on its own and is neither throttled nor faulted. keys are --auth sigv4's: with them the console
// asks for a key and secret and shows only that key's account.
func newConsole(api *awsapi.API, svc *connectlocal.Service, account string, keys []sigv4auth.Key, logger *slog.Logger) (http.Handler, *console.Requests) {
	reqs := console.NewRequests(consoleRequests)
	copts := console.Options{
		API: api, Service: svc, Requests: reqs, Logger: logger,
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
	return console.New(copts), reqs
}
