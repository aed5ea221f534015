// Package api serves the vanban index over HTTP (JSON, CSV, iCalendar).
// It is the only package that imports gin; everything it knows about
// documents comes from the domain packages extract and index, which it
// reaches through the Index interface.
//
// Routes (each handler is commented with its own; /openapi.json describes
// them all and a test keeps it equal to the registered routes):
//
//	GET    /healthz                              liveness and document count
//	GET    /metrics                              Prometheus metrics
//	GET    /openapi.json                         OpenAPI 3 description
//	GET    /api/v1/search                        full-text search, filters, facets
//	GET    /api/v1/documents/{id}                stored extraction (JSON)
//	GET    /api/v1/documents/{id}/text           stored normalised text
//	POST   /api/v1/documents                     extract and index a document
//	DELETE /api/v1/documents/{id}                remove a document
//	POST   /api/v1/extract                       extract only, nothing stored
//	GET    /api/v1/references                    cited documents with counts
//	GET    /api/v1/references/{ref}/citing       documents citing ref (cursor paged)
//	GET    /api/v1/deadlines                     deadlines by date (json, csv, ics)
//	*      anything else                         Config.Web (the web pages) when set
//
// Contracts:
//
//   - Every error is JSON {"error": {"code", "message"}} with the status
//     that statusOf (errors.go) gives its cause; that function is the only
//     place mapping errors to statuses. 5xx messages are generic (the cause
//     is logged).
//   - Bad input changes nothing: an empty body is 400 empty_input; data
//     that is not text is 415 binary_input; a body over Config.MaxBodyBytes
//     is 413 too_large (read through http.MaxBytesReader, never buffered
//     beyond the limit); a content type other than text/plain,
//     text/markdown or multipart/form-data (file part "file") is 415
//     unsupported_media_type; malformed query parameters are 400; unknown
//     ids are 404. Invalid UTF-8 is not an error: extract repairs it and
//     reports it in the extraction's diagnostics.
//   - The query language has no syntax errors (an unclosed quote runs to
//     the end); a query that is not valid UTF-8, holds control characters
//     or is longer than MaxQueryBytes is 400 bad_query.
//   - POST and DELETE need "Authorization: Bearer TOKEN" when Config.Token
//     is set (compared in constant time); without a token they are
//     accepted only from a loopback peer (the TCP peer address: behind a
//     reverse proxy on the same host every client is loopback, so set a
//     token there). Reads are open.
//   - POST /api/v1/documents answers 201 only after index.Put returned,
//     and Put returns only after bleve's scorch engine persisted the batch:
//     the segment file is fsynced and the root bolt transaction committed
//     and synced (scorch's default; unsafe_batch is never set).
//   - Search, references, citing and deadlines run under a context that
//     ends after Config.SearchTimeout; bleve stops at that deadline and the
//     request is answered 503 timeout.
//   - Citing pages are exhaustive: following "next" until it is empty
//     visits every citing document exactly once, whatever the limit.
package api
