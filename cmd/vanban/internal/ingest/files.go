package ingest

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"vanban/extract"
)

// docExts are the file names taken from folders (text, and the formats
// `vanban extract` converts); files named directly are taken whatever
// their name.
var docExts = []string{".txt", ".md", ".markdown", ".text", ".docx", ".pdf", ".html", ".htm"}

// Files lists the sources of files and folders (walked recursively,
// skipping hidden entries, taking documents by extension).
func Files(paths []string) ([]Source, error) {
	var out []Source
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			out = append(out, File(p))
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			hidden := path != p && strings.HasPrefix(d.Name(), ".")
			switch {
			case d.IsDir() && hidden:
				return filepath.SkipDir
			case d.Type().IsRegular() && !hidden && isDoc(d.Name()):
				out = append(out, File(path))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func isDoc(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range docExts {
		if ext == e {
			return true
		}
	}
	return false
}

// File is the source of one file, read up to extract.MaxInputSize.
func File(path string) Source {
	return Source{Name: path, Read: func() ([]byte, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		raw, err := io.ReadAll(io.LimitReader(f, extract.MaxInputSize+1))
		if err != nil {
			return nil, err
		}
		if len(raw) > extract.MaxInputSize {
			return nil, extract.ErrTooLarge
		}
		return raw, nil
	}}
}

// Bytes is the source of a document in memory.
func Bytes(name string, raw []byte) Source {
	return Source{Name: name, Read: func() ([]byte, error) { return raw, nil }}
}
