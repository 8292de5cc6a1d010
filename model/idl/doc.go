// Package idl loads models written in the Smithy IDL (2.0, and 1.0 files
// upgraded to 2.0 semantics) into a model.Builder, so that IDL files assemble
// into the same model.Model as every other loader.
//
// A hand-written lexer and recursive-descent parser cover the whole grammar of
// the Smithy IDL spec: control, metadata, namespace and use statements, every
// shape statement (with mixins, inline operation input and output, target
// elision, default and enum value assignments), apply statements, traits with
// every node value form, text blocks and documentation comments.
//
// Relative shape IDs can only be resolved once every file of a model is known
// (a shape in another file of the same namespace wins over the prelude), so
// loading is two steps:
//
//	l := idl.NewLoader(b)
//	l.Load("a.smithy", a) // parse; syntax errors are recorded on b
//	l.Load("b.smithy", bData)
//	l.Finish() // resolve, then add shapes, applies and metadata to b
//	m, err := b.Build()
//
// LoadFiles does the same for a map of files, and Load for a single file.
// Shapes already added to the Builder by other loaders take part in
// resolution, so load JSON AST files before calling Finish.
//
// It may import only the standard library and smithygen/model.
package idl
