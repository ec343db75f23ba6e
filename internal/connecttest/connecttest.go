// Package connecttest starts a connectlocal server for tests and hands back real aws-sdk-go-v2 Connect clients.
package connecttest

import (
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cloudcontrolsdk "github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/cloudcontrol"
	"github.com/connectlocal/connectlocal/gateway"
)

// Account and Region are the scope of the client Start returns.
const (
	Account = "123456789012"
	Region  = "us-east-1"
)

// Server is a listening connectlocal with an SDK client on it.
type Server struct {
	URL     string
	Service *connectlocal.Service
	Client  *connect.Client // account Account, region Region
}

// Start serves store on a loopback port until the test ends. configure, when given, adjusts the Service
// (quotas, clock) before the first request.
func Start(t testing.TB, store connectlocal.Store, configure ...func(*connectlocal.Service)) *Server {
	t.Helper()
	return StartWith(t, store, Options{}, configure...)
}

// Options are the gateway's hooks and settings, wired as serve wires them.
type Options struct {
	// Before runs on Connect's and Cloud Control's groups (each refusing in its own protocol).
	Before []gateway.Before
	// After runs on every request.
	After         []gateway.After
	CaptureBodies bool
	MaxBodyBytes  int64
	API           awsapi.Options
}

// StartWith is Start with the gateway's hooks and settings.
func StartWith(t testing.TB, store connectlocal.Store, opts Options, configure ...func(*connectlocal.Service)) *Server {
	t.Helper()
	svc := connectlocal.NewService(store)
	for _, c := range configure {
		c(svc)
	}
	opts.API.MaxBodyBytes = opts.MaxBodyBytes
	api := awsapi.NewHandler(svc, opts.API)
	gw := gateway.New(gateway.Options{DefaultAccount: opts.API.DefaultAccount, MaxBodyBytes: opts.MaxBodyBytes,
		CaptureBodies: opts.CaptureBodies, After: opts.After})
	api.Mount(gw.Group(api.Refuse, opts.Before...), gw.Open(api.Refuse))
	gw.Group(cloudcontrol.Refuse, opts.Before...).Handle("POST /{$}", cloudcontrol.New(api), cloudcontrol.OperationName)
	srv := httptest.NewUnstartedServer(gw)
	srv.Listener = awsapi.RawErrorsListener(srv.Listener, nil)
	srv.Start()
	t.Cleanup(func() {
		srv.Close()
		store.Close()
	})
	return &Server{URL: srv.URL, Service: svc, Client: NewClient(srv.URL, Account, Region)}
}

// NewClient returns a Connect client for url that signs as the given account (its access key id) and region,
// with retries off so an error test sees the first answer.
func NewClient(url, account, region string) *connect.Client {
	return connect.New(connect.Options{
		BaseEndpoint: aws.String(url),
		Region:       region,
		Retryer:      aws.NopRetryer{},
		Credentials:  credentials.NewStaticCredentialsProvider(account, "secret", ""),
	})
}

// For returns a client on the same server for another account and region.
func (s *Server) For(account, region string) *connect.Client {
	return NewClient(s.URL, account, region)
}

// CloudControl returns a Cloud Control client on the same server, account Account, region Region.
func (s *Server) CloudControl() *cloudcontrolsdk.Client {
	return cloudcontrolsdk.New(cloudcontrolsdk.Options{
		BaseEndpoint: aws.String(s.URL),
		Region:       Region,
		Retryer:      aws.NopRetryer{},
		Credentials:  credentials.NewStaticCredentialsProvider(Account, "secret", ""),
	})
}
