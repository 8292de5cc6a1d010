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
// What the loader settles, so that nothing downstream needs to know the IDL:
//   - Shape references resolve as the spec says: a use statement, then a shape
//     of the file's namespace (in any file), then a public prelude shape, else
//     the file's namespace (and Build reports the missing shape).
//   - Trait IDs resolve the same way and must name a trait (a prelude trait or
//     a shape with @trait); a trait without value gets {} (structure and map
//     traits), [] (list traits) or null.
//   - Trait and metadata values are plain values (nil, bool, json.Number,
//     string, []any, map[string]any). An unquoted string is a shape ID: it
//     becomes the absolute ID when it names a known shape and stays as
//     written otherwise.
//   - Syntactic sugar becomes traits: /// comments (@documentation), "= value"
//     (@default, or @enumValue in enums), inline input and output (@input,
//     @output), set (a list with @uniqueItems).
//   - IDL 1.0 files get 2.0 defaults: unboxed boolean and number shapes, and
//     structure members targeting them, get the zero value as @default.
//
// Shapes, members and traits carry file:line:col positions; columns count
// bytes, as in model/jsonnode. Errors are recorded on the Builder as
// *model.Error, syntax errors as "file:line:col: expected X, found Y".
//
// It may import only the standard library and smithygen/model.
package idl
