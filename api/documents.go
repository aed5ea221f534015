package api

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"vanban/extract"
	"vanban/index"
)

// CreatedResponse is the body of POST /api/v1/documents.
type CreatedResponse struct {
	ID         string            `json:"id"`
	Extraction *extract.Document `json:"extraction"`
}

// handleGetDocument: GET /api/v1/documents/{id} — the stored extraction.
func (s *Server) handleGetDocument(c *gin.Context) {
	doc, _, err := s.get(c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.PureJSON(http.StatusOK, doc)
}

// handleGetText: GET /api/v1/documents/{id}/text — the normalised text the
// extraction's spans point into, as text/plain.
func (s *Server) handleGetText(c *gin.Context) {
	_, text, err := s.get(c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Data(http.StatusOK, "text/plain; charset=utf-8", []byte(text))
}

// get reads a stored document; an id that is not one DocID gives is
// not found.
func (s *Server) get(id string) (*extract.Document, string, error) {
	if !validID(id) {
		return nil, "", fmt.Errorf("%w: %q", index.ErrNotFound, id)
	}
	return s.idx.Get(id)
}

// validID: 16 lower-case hex digits (index.DocID).
func validID(id string) bool {
	if len(id) != 16 {
		return false
	}
	for _, c := range []byte(id) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// handleCreateDocument: POST /api/v1/documents — a raw text body or a
// multipart form with a "file" part; extracts, indexes, and answers 201
// with the id once the document is durably in the index.
func (s *Server) handleCreateDocument(c *gin.Context) {
	doc, text, err := s.extractBody(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	id, err := s.idx.Put(doc, text)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.metrics.added.Inc()
	c.Header("Location", "/api/v1/documents/"+id)
	c.PureJSON(http.StatusCreated, CreatedResponse{ID: id, Extraction: doc})
}

// handleDeleteDocument: DELETE /api/v1/documents/{id} — 204, or 404 for an
// unknown id.
func (s *Server) handleDeleteDocument(c *gin.Context) {
	id := c.Param("id")
	if _, _, err := s.get(id); err != nil {
		s.fail(c, err)
		return
	}
	if err := s.idx.Delete(id); err != nil {
		s.fail(c, err)
		return
	}
	s.metrics.deleted.Inc()
	c.Status(http.StatusNoContent)
}

// handleExtract: POST /api/v1/extract — the extraction of the body (as for
// POST /api/v1/documents); nothing is stored.
func (s *Server) handleExtract(c *gin.Context) {
	doc, _, err := s.extractBody(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.PureJSON(http.StatusOK, doc)
}

// extractBody reads the document of a request and extracts it.
func (s *Server) extractBody(c *gin.Context) (*extract.Document, string, error) {
	raw, err := s.readBody(c)
	if err != nil {
		return nil, "", err
	}
	return extract.Extract(raw)
}

// readBody reads the document bytes of a request: the whole body for
// text, the "file" part of a multipart form. Reads stop at the limit.
func (s *Server) readBody(c *gin.Context) ([]byte, error) {
	r := c.Request
	limit := s.cfg.MaxBodyBytes
	if r.ContentLength > limit {
		return nil, &http.MaxBytesError{Limit: limit}
	}
	r.Body = http.MaxBytesReader(c.Writer, r.Body, limit)
	mt, params, err := mediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return nil, err
	}
	if mt == "multipart/form-data" {
		return readFilePart(r)
	}
	if err := checkCharset(params); err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(r.Body)
	return raw, bodyError(err)
}

// checkCharset accepts UTF-8 (or no charset): extract reads UTF-8 only.
func checkCharset(params map[string]string) error {
	if cs := params["charset"]; cs != "" && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
		return fmt.Errorf("%w: charset %q (send UTF-8)", ErrUnsupportedType, cs)
	}
	return nil
}

// mediaType accepts text (no content type, text/plain, text/markdown)
// and multipart/form-data.
func mediaType(ct string) (string, map[string]string, error) {
	if ct == "" {
		return "text/plain", nil, nil
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return "", nil, fmt.Errorf("%w: %q", ErrUnsupportedType, ct)
	}
	switch mt {
	case "text/plain", "text/markdown", "text/x-markdown", "multipart/form-data":
		return mt, params, nil
	}
	return "", nil, fmt.Errorf("%w: %q (send text/plain, text/markdown or multipart/form-data with a \"file\" part)", ErrUnsupportedType, mt)
}

// readFilePart returns the content of the "file" part, streaming the
// parts before it.
func readFilePart(r *http.Request) ([]byte, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, bodyError(err)
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return nil, ErrNoFile
		}
		if err != nil {
			return nil, bodyError(err)
		}
		if part.FormName() != "file" {
			part.Close()
			continue
		}
		if err := checkPartType(part.Header.Get("Content-Type")); err != nil {
			return nil, err
		}
		defer part.Close()
		raw, err := io.ReadAll(part)
		return raw, bodyError(err)
	}
}

// checkPartType accepts a file part of no type, application/octet-stream
// (what browsers send for unknown extensions) or UTF-8 text.
func checkPartType(ct string) error {
	if ct == "" || ct == "application/octet-stream" {
		return nil
	}
	mt, params, err := mediaType(ct)
	if err != nil || mt == "multipart/form-data" {
		return fmt.Errorf("%w: file part of type %q", ErrUnsupportedType, ct)
	}
	return checkCharset(params)
}

// bodyError keeps a too-large error and marks any other read error as a
// malformed body.
func bodyError(err error) error {
	var tooBig *http.MaxBytesError
	if err == nil || errors.As(err, &tooBig) {
		return err
	}
	return fmt.Errorf("%w: %v", ErrBadBody, err)
}
