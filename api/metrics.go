package api

import (
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus metrics:
//
//	vanban_http_requests_total{route,method,status}
//	vanban_http_request_duration_seconds{route,method,status}
//	vanban_documents_indexed            (documents in the index, read at scrape time)
//	vanban_documents_added_total, vanban_documents_deleted_total
//
// plus the Go and process collectors. route is the registered pattern
// ("/api/v1/documents/:id"), "web" for the web pages (Config.Web),
// "unmatched" for unknown paths.
type metrics struct {
	reg            *prometheus.Registry
	requests       *prometheus.CounterVec
	latency        *prometheus.HistogramVec
	added, deleted prometheus.Counter
}

// routeKey names in the gin context the route label of requests that
// match no gin route.
const routeKey = "vanban.route"

func newMetrics(reg *prometheus.Registry, idx Index) *metrics {
	if reg == nil {
		reg = prometheus.NewRegistry()
		reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	labels := []string{"route", "method", "status"}
	m := &metrics{
		reg: reg,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "vanban_http_requests_total", Help: "HTTP requests by route, method and status.",
		}, labels),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "vanban_http_request_duration_seconds", Help: "HTTP request latency by route, method and status.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, labels),
		added:   prometheus.NewCounter(prometheus.CounterOpts{Name: "vanban_documents_added_total", Help: "Documents indexed through the API."}),
		deleted: prometheus.NewCounter(prometheus.CounterOpts{Name: "vanban_documents_deleted_total", Help: "Documents deleted through the API."}),
	}
	indexed := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "vanban_documents_indexed", Help: "Documents in the index.",
	}, func() float64 {
		n, err := idx.Count()
		if err != nil {
			return -1
		}
		return float64(n)
	})
	reg.MustRegister(m.requests, m.latency, m.added, m.deleted, indexed)
	return m
}

// middleware counts and times every request.
func (m *metrics) middleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		route := c.FullPath()
		if route == "" {
			route = c.GetString(routeKey)
		}
		if route == "" {
			route = "unmatched"
		}
		status := strconv.Itoa(c.Writer.Status())
		m.requests.WithLabelValues(route, c.Request.Method, status).Inc()
		m.latency.WithLabelValues(route, c.Request.Method, status).Observe(time.Since(start).Seconds())
	}
}

// handler: GET /metrics — Prometheus text exposition.
func (m *metrics) handler() gin.HandlerFunc {
	h := promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
	return gin.WrapH(h)
}
