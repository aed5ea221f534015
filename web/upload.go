package web

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"io"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"

	"vanban/extract"
)

// uploadPage is the data of the upload form.
type uploadPage struct {
	Err   string
	Text  string // pasted text, kept after an error
	MaxMB int64
}

// previewPage is the data of the preview: the extraction, and what the add
// form sends back.
type previewPage struct {
	docPage
	Text, Name, Format, Encoding string
	NeedToken                    bool
}

// maxMemory is the part of a multipart form kept in memory (the rest goes
// to temporary files, within Options.MaxUpload).
const maxMemory = 8 << 20

// uploadForm serves GET /upload: paste text or choose a file.
func (s *server) uploadForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "upload", view{Title: "Tải văn bản lên", Nav: "upload", Data: uploadPage{MaxMB: s.opts.MaxUpload >> 20}})
}

// uploadPreview serves POST /upload (multipart: field "text" or file
// "file"): the extraction, deadlines first, and a form to add the document
// to the index. Nothing is stored.
func (s *server) uploadPreview(w http.ResponseWriter, r *http.Request) {
	raw, name, err := s.readUpload(w, r)
	var doc *extract.Document
	var text string
	if err == nil {
		doc, text, err = s.opts.Extract(raw, name)
	}
	if err != nil {
		status, msg := s.statusOf(r, err)
		page := uploadPage{Err: msg, MaxMB: s.opts.MaxUpload >> 20}
		if name == "" && len(raw) <= maxMemory {
			page.Text = string(raw)
		}
		s.render(w, status, "upload", view{Title: "Tải văn bản lên", Nav: "upload", Data: page})
		return
	}
	p := previewPage{docPage: newDocPage(doc, text), Text: text, Name: name, NeedToken: s.opts.Token != ""}
	if doc.Source != nil {
		p.Format, p.Encoding = doc.Source.Format, doc.Source.Encoding
	}
	s.render(w, http.StatusOK, "preview", view{Title: "Kết quả trích xuất", Nav: "upload", Data: p})
}

// uploadAdd serves POST /upload/add (fields "text", "name", "format",
// "encoding", "token"): it checks the write rules, extracts the text with
// Options.Extract, puts it in the index and redirects (303) to the
// document's page.
func (s *server) uploadAdd(w http.ResponseWriter, r *http.Request) {
	if err := s.checkPeer(r); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.checkToken(r); err != nil {
		s.fail(w, r, err)
		return
	}
	doc, text, err := s.opts.Extract([]byte(r.PostFormValue("text")), textName(r.PostFormValue("name")))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if f, e := r.PostFormValue("format"), r.PostFormValue("encoding"); word(f) && word(e) {
		doc.Source = &extract.Source{Format: f, Encoding: e}
	}
	id, err := s.idx.Put(doc, text)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, docURL(id)+"?added=1", http.StatusSeeOther)
}

// readUpload reads the file (field "file") or else the pasted text
// (field "text") of a form, at most Options.MaxUpload bytes in all.
func (s *server) readUpload(w http.ResponseWriter, r *http.Request) ([]byte, string, error) {
	if err := s.parseForm(w, r); err != nil {
		return nil, "", err
	}
	if r.MultipartForm != nil {
		if fhs := r.MultipartForm.File["file"]; len(fhs) > 0 && fhs[0].Size > 0 {
			f, err := fhs[0].Open()
			if err != nil {
				return nil, "", err
			}
			defer f.Close()
			raw, err := io.ReadAll(f)
			return raw, path.Base(fhs[0].Filename), err
		}
	}
	return []byte(r.PostFormValue("text")), "", nil
}

// parseForm parses a multipart or URL-encoded body of at most
// Options.MaxUpload bytes.
func (s *server) parseForm(w http.ResponseWriter, r *http.Request) error {
	if r.ContentLength > s.opts.MaxUpload {
		return &http.MaxBytesError{Limit: s.opts.MaxUpload}
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxUpload)
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var err error
	switch ct {
	case "multipart/form-data":
		err = r.ParseMultipartForm(maxMemory)
	case "application/x-www-form-urlencoded":
		err = r.ParseForm()
	default:
		return errUnsupported
	}
	if tooBig := (*http.MaxBytesError)(nil); errors.As(err, &tooBig) {
		return tooBig
	}
	if err != nil {
		return errBadParam
	}
	return nil
}

// crossOrigin refuses POSTs that a browser sends from another origin.
var crossOrigin = http.NewCrossOriginProtection()

// checkPeer applies the write rules that need no body: no cross-origin
// request, and without a token only a loopback peer.
func (s *server) checkPeer(r *http.Request) error {
	if crossOrigin.Check(r) != nil {
		return errCrossOrigin
	}
	if s.opts.Token == "" && !loopback(r.RemoteAddr) {
		return errForbidden
	}
	return nil
}

// checkToken requires Options.Token, when set, as a bearer token or as
// the form field "token" (the form must be parsed).
func (s *server) checkToken(r *http.Request) error {
	if s.opts.Token == "" {
		return nil
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		got = r.PostFormValue("token")
	}
	// Digests have one length, so the comparison tells nothing of the
	// token's length either.
	g, w := sha256.Sum256([]byte(strings.TrimSpace(got))), sha256.Sum256([]byte(s.opts.Token))
	if subtle.ConstantTimeCompare(g[:], w[:]) != 1 {
		return errUnauthorized
	}
	return nil
}

// loopback reports whether a peer address (host:port) is a loopback IP.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// textName names the normalised text of an upload for Options.Extract:
// the file name with the extension ".txt" ("" stays "").
func textName(name string) string {
	if name == "" {
		return ""
	}
	name = path.Base(name)
	return strings.TrimSuffix(name, path.Ext(name)) + ".txt"
}

// word reports whether s is a short lower-case word ("docx", "utf-8").
func word(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for _, c := range s {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
