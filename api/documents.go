package api

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"vanban/convert"
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

// extractBody reads the document of a request, converts it from its
// format and encoding (convert: docx, pdf, html, UTF-16, Windows-1258,
// TCVN3, VNI; ?encoding= forces one) and extracts it. The document's
// source says what was read.
func (s *Server) extractBody(c *gin.Context) (*extract.Document, string, error) {
	b, err := s.readBody(c)
	if err != nil {
		return nil, "", err
	}
	if e := c.Query("encoding"); e != "" {
		b.enc = e
	}
	if err := extract.CheckInput(b.raw); err != nil && !errors.Is(err, extract.ErrBinary) {
		return nil, "", err // empty or too large; binary files may be docx or pdf
	}
	res, err := convert.Convert(b.raw, b.name, b.enc)
	if err != nil {
		return nil, "", err
	}
	in := []byte(res.Text)
	if res.Format == convert.FormatTxt && res.Encoding == convert.EncUTF8 && !utf8.Valid(b.raw) {
		in = b.raw // UTF-8 with bad bytes: extract repairs them and says where
	}
	doc, text, err := extract.Extract(in)
	if err != nil {
		return nil, "", err
	}
	doc.Source = &extract.Source{Format: res.Format, Encoding: res.Encoding}
	return doc, text, nil
}

// body is a document as received: its bytes, a file name whose
// extension tells the format, and the encoding its charset named.
type body struct {
	raw       []byte
	name, enc string
}

// readBody reads the document bytes of a request: the whole body for
// text, the "file" part of a multipart form. Reads stop at the limit.
func (s *Server) readBody(c *gin.Context) (body, error) {
	r := c.Request
	limit := s.cfg.MaxBodyBytes
	if r.ContentLength > limit {
		return body{}, &http.MaxBytesError{Limit: limit}
	}
	r.Body = http.MaxBytesReader(c.Writer, r.Body, limit)
	mt, params, err := mediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return body{}, err
	}
	if mt == "multipart/form-data" {
		return readFilePart(r)
	}
	enc, err := checkCharset(params)
	if err != nil {
		return body{}, err
	}
	raw, err := io.ReadAll(r.Body)
	return body{raw: raw, name: typeNames[mt], enc: enc}, bodyError(err)
}

// typeNames give a body of a file type a name with its extension.
var typeNames = map[string]string{
	"application/pdf": "upload.pdf", "text/html": "upload.html",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": "upload.docx",
}

// charsets are the charsets a text body may name, and the encoding
// convert reads them with ("" detects).
var charsets = map[string]string{
	"utf-8": "", "utf8": "", "utf-16": "", "utf-16le": "utf-16le", "utf-16be": "utf-16be",
	"windows-1258": "windows-1258", "cp1258": "windows-1258", "x-tcvn3": "tcvn3", "tcvn3": "tcvn3",
	"x-vni": "vni", "vni": "vni",
}

// checkCharset accepts the charsets convert reads (or none).
func checkCharset(params map[string]string) (string, error) {
	cs := strings.ToLower(params["charset"])
	if cs == "" {
		return "", nil
	}
	enc, ok := charsets[cs]
	if !ok {
		return "", fmt.Errorf("%w: charset %q (send UTF-8, UTF-16, Windows-1258, TCVN3 or VNI)", ErrUnsupportedType, cs)
	}
	return enc, nil
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
	case "text/plain", "text/markdown", "text/x-markdown", "multipart/form-data", "text/html",
		"application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
		return mt, params, nil
	}
	return "", nil, fmt.Errorf("%w: %q (send text, HTML, PDF, .docx or multipart/form-data with a \"file\" part)", ErrUnsupportedType, mt)
}

// readFilePart returns the content of the "file" part, streaming the
// parts before it.
func readFilePart(r *http.Request) (body, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return body{}, bodyError(err)
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return body{}, ErrNoFile
		}
		if err != nil {
			return body{}, bodyError(err)
		}
		if part.FormName() != "file" {
			part.Close()
			continue
		}
		ct := part.Header.Get("Content-Type")
		enc, err := checkPartType(ct)
		if err != nil {
			return body{}, err
		}
		defer part.Close()
		raw, err := io.ReadAll(part)
		name := part.FileName()
		if name == "" {
			mt, _, _ := mime.ParseMediaType(ct)
			name = typeNames[mt]
		}
		return body{raw: raw, name: name, enc: enc}, bodyError(err)
	}
}

// checkPartType accepts a file part of no type, application/octet-stream
// (what browsers send for unknown extensions) or UTF-8 text.
func checkPartType(ct string) (string, error) {
	if ct == "" || ct == "application/octet-stream" {
		return "", nil
	}
	mt, params, err := mediaType(ct)
	if err != nil || mt == "multipart/form-data" {
		return "", fmt.Errorf("%w: file part of type %q", ErrUnsupportedType, ct)
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
