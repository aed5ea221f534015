// Package web serves vanban's web pages: HTML rendered on the server with
// html/template over an index.Index, as a plain net/http handler (it does
// not import gin; package api mounts it under "/").
//
// Routes (each handler is commented with its own):
//
//	GET  /                 search: one box, results with snippets, facets, paging
//	GET  /doc/{id}         a document: header, contents, text with references
//	                       linked and deadlines marked, references, deadlines,
//	                       attachments
//	GET  /doc/{id}/text    the stored normalised text (text/plain)
//	GET  /cited            documents citing ?ref= (with each mention in
//	                       context); without ref, the most cited documents
//	GET  /deadlines        deadlines, upcoming then past, and a month timeline;
//	                       links to /api/v1/deadlines?format=ics|csv
//	GET  /upload           form: paste text or choose a file
//	POST /upload           the extraction of the upload (nothing is stored)
//	POST /upload/add       extract the text again and add it to the index
//	GET  /static/{file}    embedded CSS and JavaScript
//
// Contracts:
//
//   - Every page is complete HTML rendered on the server and works with
//     JavaScript disabled; static/app.js only submits a form when one of
//     its <select data-autosubmit> changes (each such form has a button).
//   - No page or asset names another origin: every URL is a path on this
//     server, assets are embedded (go:embed), and the Content-Security-
//     Policy header allows only 'self'.
//   - User input reaches the HTML only through html/template escaping;
//     search snippets are rebuilt from Snippet.Text and Snippet.Marks, and
//     the annotated document text from the stored text and spans, escaping
//     every piece.
//   - A page's state is in its URL (GET forms, links carrying the query,
//     filters and page), so pages can be bookmarked and the back button
//     works.
//   - Writes (POST /upload/add) follow the API's rule: when Options.Token
//     is set the request must carry it ("Authorization: Bearer TOKEN" or
//     the form field "token", compared in constant time); without a token
//     only a loopback peer (RemoteAddr) may write. Cross-origin browser
//     POSTs are refused (http.CrossOriginProtection). POST /upload only
//     extracts and, like the reads, is open; both POSTs read at most
//     Options.MaxUpload bytes.
//   - Statuses: 200 for pages (written explicitly, so gin's NoRoute 404
//     does not leak through), 303 after an add, 400 for bad input (the
//     page is shown again with the message), 401/403 for refused writes,
//     404, 413, 415, 503 when the index read took longer than
//     Options.Timeout, 500 with a generic message (the cause is logged).
package web
