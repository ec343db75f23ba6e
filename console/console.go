package console

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/gateway"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options configure New.
type Options struct {
	// API runs every change and the task preview's submit in-process (API.Invoke), through the same model checks
	// and service rules as a request on the wire.
	API *awsapi.API
	// Service answers the read-only pages.
	Service *connectlocal.Service
	// Requests is the ring the API's After hook fills; nil leaves the requests page empty.
	Requests *Requests
	// Reset empties one account and region and returns how many resources of each kind it removed, as
	// POST /_connectlocal/reset does; nil hides the reset button.
	Reset func(ctx context.Context, account, region string) (map[string]int, error)
	// DefaultScope is listed on the resources page before any request has named a scope.
	DefaultScope connectlocal.Scope
	Logger       *slog.Logger
	// Login, when set, makes the console ask for an access key and secret and show only the account Login
	// returns for them (the server's --auth sigv4 keys); nil: no sign-in, every account is shown.
	Login func(accessKeyID, secret string) (account string, ok bool)
}

// Prefix is where the console is mounted.
const Prefix = "/console/"

type console struct {
	opts     Options
	pages    map[string]*template.Template
	mux      *http.ServeMux
	sessions sessions
}

// New returns the console's handler; mount it at Prefix. Unsafe methods are refused when the browser says
// they come from another origin (http.CrossOriginProtection: Sec-Fetch-Site, else Origin against Host), so
// another site cannot make a visitor's browser edit templates or reset the store.
func New(opts Options) http.Handler {
	if opts.Requests == nil {
		opts.Requests = NewRequests(1)
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.DefaultScope == (connectlocal.Scope{}) {
		opts.DefaultScope = connectlocal.Scope{Account: "000000000000", Region: "us-east-1"}
	}
	c := &console{opts: opts, pages: parsePages(), mux: http.NewServeMux(), sessions: sessions{m: map[string]session{}}}
	static, _ := fs.Sub(staticFS, "static")
	c.mux.Handle("GET /console/static/", http.StripPrefix("/console/static/", http.FileServerFS(static)))
	c.mux.HandleFunc("GET /console/{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/console/requests", http.StatusFound)
	})
	c.mux.HandleFunc("GET /console/requests", c.requestList)
	c.mux.HandleFunc("GET /console/requests/{id}", c.requestDetail)
	c.mux.HandleFunc("GET /console/resources", c.resources)
	const sc = "/console/a/{account}/{region}"
	c.mux.HandleFunc("GET "+sc+"/{$}", c.instances)
	c.mux.HandleFunc("GET "+sc+"/reset", c.resetConfirm)
	c.mux.HandleFunc("POST "+sc+"/reset", c.reset)
	const in = sc + "/i/{instance}"
	c.mux.HandleFunc("GET "+in+"/{$}", c.instance)
	c.mux.HandleFunc("GET "+in+"/c/{contact}", c.task)
	const tp = in + "/t/{template}"
	c.mux.HandleFunc("GET "+tp+"/{$}", c.template)
	c.mux.HandleFunc("GET "+tp+"/preview", c.preview)
	c.mux.HandleFunc("POST "+tp+"/preview", c.previewSubmit)
	c.mux.HandleFunc("GET "+tp+"/edit", c.edit)
	c.mux.HandleFunc("POST "+tp+"/edit", c.editSubmit)
	c.mux.HandleFunc("POST "+tp+"/status", c.setStatus)
	var h http.Handler = c.mux
	if opts.Login != nil {
		c.mux.HandleFunc("GET /console/login", c.loginPage)
		c.mux.HandleFunc("POST /console/login", c.login)
		c.mux.HandleFunc("POST /console/logout", c.logout)
		h = c.requireLogin(h)
	}
	return http.NewCrossOriginProtection().Handler(h)
}

func parsePages() map[string]*template.Template {
	layout := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html"))
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		if n == "templates/layout.html" {
			continue
		}
		name := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		pages[name] = template.Must(template.Must(layout.Clone()).ParseFS(templateFS, n))
	}
	return pages
}

var funcs = template.FuncMap{
	"stamp": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02 15:04:05.000Z")
	},
	"ms": func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) },
	"pretty": func(b []byte) string {
		var out bytes.Buffer
		if json.Indent(&out, b, "", "  ") == nil {
			return out.String()
		}
		return string(b)
	},
	"bytes":   func(s string) []byte { return []byte(s) },
	"pathesc": url.PathEscape,
	"join":    strings.Join,
}

// page is what every page's template gets.
type page struct {
	Account string // the signed-in account, "" without sign-in
	Title   string
	Nav     string // requests | resources: which top link is current
	Scope   connectlocal.Scope
	// Instance names the instance of an instance's page in its breadcrumbs: its alias, else its id.
	Instance string
	Data     any
}

func (c *console) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	p.Account = signedIn(r.Context())
	if id := r.PathValue("instance"); id != "" && p.Scope != (connectlocal.Scope{}) && p.Instance == "" {
		p.Instance = c.instanceLabel(r.Context(), p.Scope, id)
	}
	var buf bytes.Buffer
	if err := c.pages[name].ExecuteTemplate(&buf, "layout.html", p); err != nil {
		c.opts.Logger.Error("console template", "page", name, "err", err)
		http.Error(w, "console template error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	// Everything the console needs is served from itself; the policy keeps it that way.
	w.Header().Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// instanceLabel is how breadcrumbs name an instance: its alias, else its id (an instance may have no alias);
// the id as given when it cannot be read, since the page itself has already been found.
func (c *console) instanceLabel(ctx context.Context, s connectlocal.Scope, id string) string {
	inst, _, err := c.opts.Service.DescribeInstance(ctx, s, id)
	switch {
	case err != nil:
		return id
	case inst.Alias != "":
		return inst.Alias
	}
	return inst.ID
}

// fail shows an error page: NotFound as 404, anything else as the domain message.
func (c *console) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusBadRequest
	switch connectlocal.CodeOf(err) {
	case connectlocal.NotFound:
		status = http.StatusNotFound
	case connectlocal.Internal:
		c.opts.Logger.Error("console", "path", r.URL.Path, "err", err)
		status = http.StatusInternalServerError
	}
	c.render(w, r, status, "error", page{Title: "Error", Data: message(err)})
}

// Refuse is the console group's gateway.Refuse: a plain HTML page with the domain's message (never a Go
// error), for what fails before a page can be rendered (a body that did not arrive, a panic).
func Refuse(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusBadRequest
	switch {
	case gateway.Ended(err):
		status = gateway.ClientClosedRequest
	case connectlocal.CodeOf(err) == connectlocal.Internal:
		status = http.StatusInternalServerError
	}
	if x := gateway.ExchangeFrom(r.Context()); x != nil {
		x.Err = err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<!doctype html>\n<title>Error</title>\n<p>%s</p>\n", template.HTMLEscapeString(message(err)))
}

// message is an error as the console shows it: the domain's client-facing message, never a Go error.
func message(err error) string {
	var e *connectlocal.Error
	if errors.As(err, &e) {
		if e.Code == connectlocal.Internal {
			return "Internal error; see the server log."
		}
		return e.Message
	}
	return "Internal error; see the server log."
}

func scopeOf(r *http.Request) (connectlocal.Scope, error) {
	s := connectlocal.Scope{Account: r.PathValue("account"), Region: r.PathValue("region")}
	if !connectlocal.IsAccountID(s.Account) || s.Region == "" {
		return s, connectlocal.Errorf(connectlocal.InvalidArgument, "'%s/%s' is not an account (12 digits) and a region", s.Account, s.Region)
	}
	if a := signedIn(r.Context()); a != "" && a != s.Account {
		return s, connectlocal.Errorf(connectlocal.NotFound, "You are signed in to account %s; account %s is not shown", a, s.Account)
	}
	return s, nil
}

// scopePath is the console URL of a scope.
func scopePath(s connectlocal.Scope) string {
	return "/console/a/" + url.PathEscape(s.Account) + "/" + url.PathEscape(s.Region) + "/"
}

func instancePath(s connectlocal.Scope, instance string) string {
	return scopePath(s) + "i/" + url.PathEscape(instance) + "/"
}

func templatePath(s connectlocal.Scope, instance, id string) string {
	return instancePath(s, instance) + "t/" + url.PathEscape(id) + "/"
}

// call runs an API operation in-process through API.Invoke, with the wire's checks.
func (c *console) call(ctx context.Context, s connectlocal.Scope, op string, input map[string]any) (any, error) {
	return c.opts.API.Invoke(ctx, s, op, input)
}

// listAll follows a Service list's page tokens to the end.
func listAll[T any](list func(connectlocal.Page) ([]T, string, error)) ([]T, error) {
	var all []T
	page := connectlocal.Page{Limit: 100}
	for {
		items, next, err := list(page)
		if err != nil {
			return nil, err
		}
		all = append(all, items...)
		if next == "" {
			return all, nil
		}
		page.Token = next
	}
}
