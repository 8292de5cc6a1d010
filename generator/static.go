package generator

import (
	"bytes"
	"fmt"
	"text/template"

	"github.com/smithygen/smithygen/templates"
)

var tmpl = template.Must(template.New("").ParseFS(templates.FS, "*.txt", "*.go.tmpl"))

func renderTemplate(name string, data any) (string, error) {
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// renderStatic renders a runtime file from templates/<file>.tmpl for package p and gofmts it.
func renderStatic(p *Package, file string) ([]byte, error) {
	text, err := renderTemplate(file+".tmpl", struct {
		Header  string
		Package string
	}{header(p), p.Name})
	if err != nil {
		return nil, err
	}
	out, err := gofmt([]byte(text))
	if err != nil {
		return nil, fmt.Errorf("template %s does not format: %w", file, err)
	}
	return out, nil
}
