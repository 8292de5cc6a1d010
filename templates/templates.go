// Package templates holds the static text smithygen writes: file headers,
// package documentation and the fixed runtime helpers every generated package
// carries. Templates read precomputed fields and hold no logic.
//
// It may import only the standard library.
package templates

import "embed"

// FS holds every template.
//
//go:embed *.txt *.go.tmpl
var FS embed.FS
