package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"vanban/convert"
	"vanban/extract"
	"vanban/index"
)

// Errors of the HTTP layer. Handlers wrap them with details
// (fmt.Errorf("%w: ...")); statusOf maps them.
var (
	ErrBadParam         = errors.New("bad query parameter")
	ErrBadQuery         = errors.New("bad query")
	ErrUnsupportedType  = errors.New("unsupported content type")
	ErrNoFile           = errors.New("multipart body without a \"file\" part")
	ErrBadBody          = errors.New("malformed request body")
	ErrUnauthorized     = errors.New("missing or wrong bearer token")
	ErrForbidden        = errors.New("writes are accepted only from loopback when no token is configured")
	ErrTimeout          = errors.New("request took too long and was cancelled")
	ErrUnavailable      = errors.New("index unavailable")
	ErrRouteNotFound    = errors.New("no such route")
	ErrMethodNotAllowed = errors.New("method not allowed on this route")
)

// ErrorBody is the JSON of every error response.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail is a stable machine-readable code and a human message.
type ErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// statusOf is the one place mapping an error to an HTTP status and a code.
func statusOf(err error) (int, string) {
	var tooBig *http.MaxBytesError
	switch {
	case errors.Is(err, index.ErrNotFound), errors.Is(err, ErrRouteNotFound):
		return http.StatusNotFound, "not_found"
	case errors.Is(err, ErrMethodNotAllowed):
		return http.StatusMethodNotAllowed, "method_not_allowed"
	case errors.Is(err, index.ErrBadRef):
		return http.StatusBadRequest, "bad_ref"
	case errors.Is(err, index.ErrBadDate):
		return http.StatusBadRequest, "bad_date"
	case errors.Is(err, index.ErrBadCursor):
		return http.StatusBadRequest, "bad_cursor"
	case errors.Is(err, index.ErrBadSection):
		return http.StatusBadRequest, "bad_section"
	case errors.Is(err, ErrBadParam):
		return http.StatusBadRequest, "bad_param"
	case errors.Is(err, ErrBadQuery):
		return http.StatusBadRequest, "bad_query"
	case errors.Is(err, extract.ErrEmpty):
		return http.StatusBadRequest, "empty_input"
	case errors.Is(err, ErrNoFile):
		return http.StatusBadRequest, "no_file"
	case errors.Is(err, ErrBadBody):
		return http.StatusBadRequest, "bad_body"
	case errors.Is(err, extract.ErrBinary), errors.Is(err, convert.ErrUnsupportedFormat), errors.Is(err, convert.ErrLegacyDoc):
		return http.StatusUnsupportedMediaType, "binary_input"
	case errors.Is(err, convert.ErrScannedPDF), errors.Is(err, convert.ErrEncrypted), errors.Is(err, convert.ErrCorrupt):
		return http.StatusUnprocessableEntity, "unreadable_file"
	case errors.Is(err, convert.ErrUnknownEncoding):
		return http.StatusBadRequest, "bad_encoding"
	case errors.Is(err, convert.ErrNoPdftotext):
		return http.StatusServiceUnavailable, "pdf_unsupported"
	case errors.Is(err, ErrUnsupportedType):
		return http.StatusUnsupportedMediaType, "unsupported_media_type"
	case errors.Is(err, extract.ErrTooLarge), errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge, "too_large"
	case errors.Is(err, ErrUnauthorized):
		return http.StatusUnauthorized, "unauthorized"
	case errors.Is(err, ErrForbidden):
		return http.StatusForbidden, "forbidden"
	case errors.Is(err, ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "timeout"
	case errors.Is(err, ErrUnavailable):
		return http.StatusServiceUnavailable, "unavailable"
	case errors.Is(err, context.Canceled): // the client went away
		return http.StatusServiceUnavailable, "canceled"
	}
	return http.StatusInternalServerError, "internal"
}

// fail answers err as a JSON error and stops the handler chain. Server
// errors are logged and answered with a generic message.
func (s *Server) fail(c *gin.Context, err error) {
	status, code := statusOf(err)
	msg := err.Error()
	if status >= 500 {
		s.log.Error("request failed", "method", c.Request.Method, "path", c.Request.URL.Path, "status", status, "err", err)
		if status == http.StatusInternalServerError {
			msg = "internal error"
		}
	}
	if status == http.StatusUnauthorized {
		c.Header("WWW-Authenticate", `Bearer realm="vanban"`)
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		msg = fmt.Sprintf("body larger than the limit of %d bytes", s.cfg.MaxBodyBytes)
		c.Header("Connection", "close") // the rest of the body is not read
	}
	c.AbortWithStatusJSON(status, ErrorBody{ErrorDetail{code, msg}})
}
