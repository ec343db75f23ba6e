// Package metrics counts requests, latency, requests in flight, store latency and resources for
// /_connectlocal/metrics, on a registry each server owns (two servers in one test process never collide).
package metrics

import (
	"context"
	"net/http"
	"strconv"
	"strings"
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
}

// New returns Metrics on a fresh registry, with the Go runtime and process collectors.
func New() *Metrics {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	f := promauto.With(reg)
	return &Metrics{
		reg: reg,
		requests: f.NewCounterVec(prometheus.CounterOpts{Name: "connectlocal_requests_total",
			Help: "Requests answered, by operation and HTTP status."}, []string{"operation", "status"}),
		latency: f.NewHistogramVec(prometheus.HistogramOpts{Name: "connectlocal_request_duration_seconds",
			Help: "Time to answer a request, by operation.", Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14)}, []string{"operation"}),
		inFlight: f.NewGauge(prometheus.GaugeOpts{Name: "connectlocal_requests_in_flight", Help: "Requests being answered."}),
		storeLatency: f.NewHistogramVec(prometheus.HistogramOpts{Name: "connectlocal_store_duration_seconds",
			Help: "Time a store call takes, by method.", Buckets: prometheus.ExponentialBuckets(0.0001, 2, 16)}, []string{"method"}),
	}
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
	op := operation(x)
	m.requests.WithLabelValues(op, strconv.Itoa(x.Status)).Inc()
	m.latency.WithLabelValues(op).Observe(x.Duration.Seconds())
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

func (s *store) time(method string) func() {
	start := time.Now()
	return func() { s.m.storeLatency.WithLabelValues(method).Observe(time.Since(start).Seconds()) }
}

func (s *store) View(ctx context.Context, fn func(connectlocal.Tx) error) error {
	defer s.time("View")()
	return s.Store.View(ctx, fn)
}

func (s *store) Update(ctx context.Context, key connectlocal.UpdateKey, fn func(connectlocal.Tx) error) error {
	defer s.time("Update")()
	return s.Store.Update(ctx, key, fn)
}

func (s *store) Secret(ctx context.Context) ([]byte, error) {
	defer s.time("Secret")()
	return s.Store.Secret(ctx)
}

func (s *store) Ping(ctx context.Context) error {
	defer s.time("Ping")()
	return s.Store.Ping(ctx)
}
