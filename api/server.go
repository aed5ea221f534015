package api

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"

	"vanban/extract"
	"vanban/index"
)

// Index is what the API needs of the document store; *index.Index is the
// implementation.
type Index interface {
	Put(doc *extract.Document, text string) (string, error)
	Get(id string) (*extract.Document, string, error)
	Delete(id string) error
	Count() (uint64, error)
	Search(ctx context.Context, r index.SearchRequest) (*index.SearchResult, error)
	Citing(ctx context.Context, ref, relation, cursor string, limit int) (*index.CitingPage, error)
	References(ctx context.Context, q string, limit int) ([]index.RefCount, error)
	Deadlines(ctx context.Context, from, to, responsible, q string) ([]index.DeadlineHit, error)
}

var _ Index = (*index.Index)(nil)

// Config tunes a Server; the zero value is usable.
type Config struct {
	// Token, when set, is the bearer token POST and DELETE need. When
	// empty, writes are accepted from loopback peers only.
	Token string
	// MaxBodyBytes bounds request bodies (default extract.MaxInputSize).
	MaxBodyBytes int64
	// SearchTimeout bounds each index query (default 10 s).
	SearchTimeout time.Duration
	// Logger receives server errors (default: discarded).
	Logger *slog.Logger
	// Registry receives the metrics served at /metrics (default: a new
	// registry of the server's own, with Go and process collectors).
	Registry *prometheus.Registry
	// Now is the clock of ICS time stamps (default time.Now).
	Now func() time.Time
	// Web, when set, serves every request no route matches, except under
	// /api/ (JSON 404 there): the web pages (package web) mount here.
	Web http.Handler
	// MaxQueries bounds the index queries running at once (default
	// GOMAXPROCS); others wait their turn, in order, within their search
	// timeout. Queries are CPU-bound: running more at once than there
	// are cores only stretches each of them, the longest most.
	MaxQueries int
}

// Default limits.
const (
	DefaultSearchTimeout = 10 * time.Second
	// MaxResultWindow caps page*size of a search (deeper pages are 400:
	// use filters, or sort by date and narrow the dates).
	MaxResultWindow = 10000
	// MaxQueryBytes bounds the q parameter.
	MaxQueryBytes = 1024
)

// Server is the HTTP API over an Index.
type Server struct {
	idx     Index
	cfg     Config
	log     *slog.Logger
	engine  *gin.Engine
	metrics *metrics
	queries chan struct{} // a slot per index query running (Config.MaxQueries)
}

// New builds the server and its routes.
func New(idx Index, cfg Config) *Server {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = extract.MaxInputSize
	}
	if cfg.SearchTimeout <= 0 {
		cfg.SearchTimeout = DefaultSearchTimeout
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxQueries <= 0 {
		cfg.MaxQueries = runtime.GOMAXPROCS(0)
	}
	// gin's default debug mode prints every route on stdout: use release
	// mode unless GIN_MODE or the caller (tests: gin.TestMode) chose.
	if os.Getenv(gin.EnvGinMode) == "" && gin.Mode() == gin.DebugMode {
		gin.SetMode(gin.ReleaseMode)
	}
	s := &Server{idx: idx, cfg: cfg, log: cfg.Logger, queries: make(chan struct{}, cfg.MaxQueries)}
	s.metrics = newMetrics(cfg.Registry, idx)
	s.engine = s.routes()
	return s
}

// Handler returns the http.Handler serving every route.
func (s *Server) Handler() http.Handler { return s.engine }

// routes registers every route; /openapi.json lists the same ones.
func (s *Server) routes() *gin.Engine {
	e := gin.New()
	e.HandleMethodNotAllowed = true
	e.RedirectTrailingSlash = false
	e.ContextWithFallback = true
	_ = e.SetTrustedProxies(nil) // the peer address is the client
	e.Use(s.metrics.middleware(), s.recovery())
	e.NoRoute(s.handleUnmatched)
	e.NoMethod(func(c *gin.Context) { s.fail(c, ErrMethodNotAllowed) })

	e.GET("/healthz", s.handleHealth)
	e.GET("/metrics", s.metrics.handler())
	e.GET("/openapi.json", handleOpenAPI)

	v1 := e.Group("/api/v1")
	v1.GET("/search", s.handleSearch)
	v1.GET("/documents/:id", s.handleGetDocument)
	v1.GET("/documents/:id/text", s.handleGetText)
	v1.POST("/documents", s.requireWrite, s.handleCreateDocument)
	v1.DELETE("/documents/:id", s.requireWrite, s.handleDeleteDocument)
	v1.POST("/extract", s.requireWrite, s.handleExtract)
	v1.GET("/references", s.handleReferences)
	v1.GET("/references/*ref", s.handleCiting) // "/{ref}/citing"; ref may hold "/"
	v1.GET("/deadlines", s.handleDeadlines)
	return e
}

// handleUnmatched: the web pages when Config.Web is set, else (and always
// under /api/) a JSON 404.
func (s *Server) handleUnmatched(c *gin.Context) {
	if s.cfg.Web == nil || strings.HasPrefix(c.Request.URL.Path, "/api/") {
		s.fail(c, ErrRouteNotFound)
		return
	}
	c.Set(routeKey, "web")
	c.Status(http.StatusOK) // gin preset 404 for unmatched routes
	s.cfg.Web.ServeHTTP(c.Writer, c.Request)
}

// recovery answers a panic with a 500 JSON error.
func (s *Server) recovery() gin.HandlerFunc {
	return gin.CustomRecoveryWithWriter(io.Discard, func(c *gin.Context, v any) {
		s.log.Error("panic", "path", c.Request.URL.Path, "value", v)
		s.fail(c, errPanic)
	})
}

type panicError struct{}

func (panicError) Error() string { return "panic" }

var errPanic error = panicError{}

// handleHealth: GET /healthz — 200 {"status":"ok","documents":N}, 503 when
// the index cannot be read.
func (s *Server) handleHealth(c *gin.Context) {
	n, err := s.idx.Count()
	if err != nil {
		s.fail(c, fmt.Errorf("%w: %v", ErrUnavailable, err))
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok", "documents": n})
}

// timed runs an index query under the search timeout, once one of the
// Config.MaxQueries slots is free; a query that ran out of time (waiting
// or running) returns ErrTimeout whatever the index said.
func (s *Server) timed(c *gin.Context, fn func(ctx context.Context) error) error {
	ctx, cancel := context.WithTimeout(c.Request.Context(), s.cfg.SearchTimeout)
	defer cancel()
	select {
	case s.queries <- struct{}{}:
		defer func() { <-s.queries }()
	case <-ctx.Done():
		if ctx.Err() == context.DeadlineExceeded {
			return ErrTimeout
		}
		return ctx.Err()
	}
	err := fn(ctx)
	if err != nil && ctx.Err() == context.DeadlineExceeded {
		return ErrTimeout
	}
	return err
}

// NewHTTPServer returns an http.Server for h with timeouts suited to the
// API: slow clients cannot hold connections, and a request cannot run
// much past the search timeout.
func NewHTTPServer(addr string, h http.Handler, cfg Config) *http.Server {
	st := cfg.SearchTimeout
	if st <= 0 {
		st = DefaultSearchTimeout
	}
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute, // a 20 MB body on a slow link
		WriteTimeout:      st + 2*time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// isLoopback reports whether a RemoteAddr ("ip:port") is a loopback peer.
func isLoopback(remoteAddr string) bool {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
