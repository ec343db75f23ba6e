// Package metrics counts requests, latency, requests in flight, store latency and resources for
// /_connectlocal/metrics, on a registry each server owns (two servers in one test process never collide).
package metrics

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/gateway"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds one server's collectors.
type Metrics struct {
	reg          *prometheus.Registry
	requests     *prometheus.CounterVec
	latency      *prometheus.HistogramVec
	inFlight     prometheus.Gauge
	storeLatency *prometheus.HistogramVec
	// The children of requests and latency each (operation, status) has used, so a request does not hash its
	// label values again (~1.3% of a cached GetTaskTemplate's CPU in the binary, pprof). Operations and
	// statuses are a bounded set (operation's doc), so the maps are bounded too.
	byRequest sync.Map // requestKey → *requestMetrics
	// The store methods' latency children, resolved once.
	storeView, storeUpdate, storeSecret, storePing prometheus.Observer
}

type requestKey struct {
	op     string
	status int
}

type requestMetrics struct {
	count   prometheus.Counter
	latency prometheus.Observer
}

// New returns Metrics on a fresh registry, with the Go runtime and process collectors.
func New() *Metrics {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	f := promauto.With(reg)
	m := &Metrics{
		reg: reg,
		requests: f.NewCounterVec(prometheus.CounterOpts{Name: "connectlocal_requests_total",
			Help: "Requests answered, by operation and HTTP status."}, []string{"operation", "status"}),
		latency: f.NewHistogramVec(prometheus.HistogramOpts{Name: "connectlocal_request_duration_seconds",
			Help: "Time to answer a request, by operation.", Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14)}, []string{"operation"}),
		inFlight: f.NewGauge(prometheus.GaugeOpts{Name: "connectlocal_requests_in_flight", Help: "Requests being answered."}),
		storeLatency: f.NewHistogramVec(prometheus.HistogramOpts{Name: "connectlocal_store_duration_seconds",
			Help: "Time a store call takes, by method.", Buckets: prometheus.ExponentialBuckets(0.0001, 2, 16)}, []string{"method"}),
	}
	// Resolved on first use, as WithLabelValues did: a series appears once its method has been called.
	m.storeView = lazyObserver(m.storeLatency, "View")
	m.storeUpdate = lazyObserver(m.storeLatency, "Update")
	m.storeSecret = lazyObserver(m.storeLatency, "Secret")
	m.storePing = lazyObserver(m.storeLatency, "Ping")
	return m
}

// lazyObserver returns an Observer of vec's child for label, created at its first observation.
func lazyObserver(vec *prometheus.HistogramVec, label string) prometheus.Observer {
	child := sync.OnceValue(func() prometheus.Observer { return vec.WithLabelValues(label) })
	return prometheus.ObserverFunc(func(v float64) { child().Observe(v) })
}

// operation labels an exchange: the model's operation name, the path of an operations endpoint, or "unknown"
// for any other path (a label per unknown path would let one client grow the registry without bound).
func operation(x *gateway.Exchange) string {
	switch {
	case x.Operation != "":
		return x.Operation
	case strings.HasPrefix(x.Path, "/_connectlocal/"), x.Path == "/moto-api/reset":
		return x.Method + " " + x.Path
	}
	return "unknown"
}

// After is the gateway After hook that counts a finished request.
func (m *Metrics) After(x *gateway.Exchange) {
	key := requestKey{operation(x), x.Status}
	rm, ok := m.byRequest.Load(key)
	if !ok {
		rm, _ = m.byRequest.LoadOrStore(key, &requestMetrics{count: m.requests.WithLabelValues(key.op, strconv.Itoa(key.status)),
			latency: m.latency.WithLabelValues(key.op)})
	}
	rm.(*requestMetrics).count.Inc()
	rm.(*requestMetrics).latency.Observe(x.Duration.Seconds())
}

// Wrap counts the requests h is answering.
func (m *Metrics) Wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m.inFlight.Inc()
		defer m.inFlight.Dec()
		h.ServeHTTP(w, r)
	})
}

// Handler serves the registry in Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// WatchResources reports svc's resources by kind at each scrape.
func (m *Metrics) WatchResources(svc *connectlocal.Service) {
	m.reg.MustRegister(resources{svc: svc, desc: prometheus.NewDesc("connectlocal_resources",
		"Resources the store holds, by kind (contacts: active tasks only).", []string{"kind"}, nil)})
}

type resources struct {
	svc  *connectlocal.Service
	desc *prometheus.Desc
}

func (r resources) Describe(ch chan<- *prometheus.Desc) { ch <- r.desc }

func (r resources) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := r.svc.Inventory(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(r.desc, err)
		return
	}
	for kind, n := range map[string]int{"instance": c.Instances, "contact_flow": c.ContactFlows,
		"task_template": c.TaskTemplates, "active_contact": c.Contacts} {
		ch <- prometheus.MustNewConstMetric(r.desc, prometheus.GaugeValue, float64(n), kind)
	}
}

// Store wraps s so that every call is timed by method.
func (m *Metrics) Store(s connectlocal.Store) connectlocal.Store { return &store{Store: s, m: m} }

type store struct {
	connectlocal.Store
	m *Metrics
}

func since(o prometheus.Observer, start time.Time) { o.Observe(time.Since(start).Seconds()) }

func (s *store) View(ctx context.Context, fn func(connectlocal.Tx) error) error {
	defer since(s.m.storeView, time.Now())
	return s.Store.View(ctx, fn)
}

func (s *store) Update(ctx context.Context, key connectlocal.UpdateKey, fn func(connectlocal.Tx) error) error {
	defer since(s.m.storeUpdate, time.Now())
	return s.Store.Update(ctx, key, fn)
}

func (s *store) Secret(ctx context.Context) ([]byte, error) {
	defer since(s.m.storeSecret, time.Now())
	return s.Store.Secret(ctx)
}

func (s *store) Ping(ctx context.Context) error {
	defer since(s.m.storePing, time.Now())
	return s.Store.Ping(ctx)
}
