package console

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/connectlocal/connectlocal"
)

// sessionCookie names the console's sign-in cookie (HttpOnly, SameSite=Strict, path /console/).
const sessionCookie = "connectlocal_console"

// sessionLifetime is how long a sign-in lasts.
const sessionLifetime = 12 * time.Hour

// sessions are the signed-in browsers: a random token → the account its key belongs to.
type sessions struct {
	mu sync.Mutex
	m  map[string]session
}

type session struct {
	account string
	expires time.Time
}

func (s *sessions) add(account string) string {
	b := make([]byte, 32)
	rand.Read(b)
	token := hex.EncodeToString(b)
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	for t, v := range s.m {
		if now.After(v.expires) {
			delete(s.m, t)
		}
	}
	s.m[token] = session{account: account, expires: now.Add(sessionLifetime)}
	return token
}

func (s *sessions) get(token string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[token]
	if !ok || time.Now().After(v.expires) {
		return "", false
	}
	return v.account, true
}

func (s *sessions) remove(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, token)
}

type accountKey struct{}

// signedIn is the account the browser signed in as, "" when the console needs no sign-in.
func signedIn(ctx context.Context) string {
	a, _ := ctx.Value(accountKey{}).(string)
	return a
}

// requireLogin sends a browser without a session to the sign-in page and otherwise puts its account on the
// request, which every page then keeps to (scopeOf, the request list, the resources page).
func (c *console) requireLogin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/console/login" || strings.HasPrefix(r.URL.Path, "/console/static/") {
			next.ServeHTTP(w, r)
			return
		}
		if ck, err := r.Cookie(sessionCookie); err == nil {
			if account, ok := c.sessions.get(ck.Value); ok {
				next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), accountKey{}, account)))
				return
			}
		}
		if r.Method != http.MethodGet {
			c.render(w, r, http.StatusUnauthorized, "error", page{Title: "Signed out", Data: "Sign in again; nothing was changed."})
			return
		}
		http.Redirect(w, r, "/console/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
	})
}

type loginData struct {
	AccessKeyID string
	Next        string
	Error       string
}

func (c *console) loginPage(w http.ResponseWriter, r *http.Request) {
	c.render(w, r, http.StatusOK, "login", page{Title: "Sign in", Data: loginData{Next: localNext(r.URL.Query().Get("next"))}})
}

// login checks the key and secret against the server's credentials (Options.Login) and starts a session.
func (c *console) login(w http.ResponseWriter, r *http.Request) {
	d := loginData{AccessKeyID: strings.TrimSpace(r.PostFormValue("access_key_id")), Next: localNext(r.PostFormValue("next"))}
	account, ok := c.opts.Login(d.AccessKeyID, r.PostFormValue("secret_access_key"))
	if !ok {
		d.Error = "This access key and secret are not a key of the server's credentials file."
		c.render(w, r, http.StatusUnauthorized, "login", page{Title: "Sign in", Data: d})
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: c.sessions.add(account), Path: Prefix,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, MaxAge: int(sessionLifetime / time.Second)})
	next := d.Next
	if next == "" {
		next = scopePath(connectlocal.Scope{Account: account, Region: c.opts.DefaultScope.Region})
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (c *console) logout(w http.ResponseWriter, r *http.Request) {
	if ck, err := r.Cookie(sessionCookie); err == nil {
		c.sessions.remove(ck.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Path: Prefix, MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/console/login", http.StatusSeeOther)
}

// localNext keeps a post-sign-in destination only when it is a console page, so the sign-in form cannot send
// a browser elsewhere.
func localNext(next string) string {
	if strings.HasPrefix(next, Prefix) && !strings.HasPrefix(next, "//") && !strings.Contains(next, "\\") {
		return next
	}
	return ""
}
