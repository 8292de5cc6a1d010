// Package modeldiff compares two versions of a Smithy service model and
// classifies every difference by whom it breaks: clients and servers on the
// wire (breaking-wire), Go code compiled against the package smithygen
// generates (breaking-go), or nobody (compatible). The `smithygen diff`
// command is its front end.
//
// # What is compared
//
// Only the closure of one service on each side: its operations (those of its
// resources included), their inputs, outputs and errors, the service's
// errors, and every shape their members reach. Shapes are matched by shape ID;
// a shape whose ID has no match is matched by name within the closure when
// that name is unique on both sides (a namespace move, e.g. a botocore model
// against its Smithy AST); an operation's input and output, and the targets
// of matched members, are matched by position as a last resort (a renamed
// shape). Enums are compared by value, not by member name, since values are
// what travels.
//
// Two passes run over the matched shapes. The wire pass reads the model only:
// added and removed operations, shapes, members and enum values, type and
// target changes, @required, @default, constraints (@length, @range,
// @pattern, @uniqueItems, @sparse), HTTP bindings and @jsonName, operation
// errors, @error and @httpError, @timestampFormat, @sensitive and (on
// request) documentation. The Go pass builds the generator's IR of both sides
// (generator.BuildIR) and compares what the generated package exports: type
// names, field names and field types (pointer or value), union variant names,
// enum constants and the package name.
//
// # Categories
//
// Categories are exclusive: breaking-go means "breaks Go code but not the
// wire". A Go break at a place (shape, member) where the wire pass already
// found a breaking-wire change is not reported again, so one change yields
// one breaking finding. A change that is compatible on the wire and still
// changes the Go API yields both: the wire finding (compatible) and the Go
// finding (breaking-go) — e.g. @default added to an output member is
// AddedDefault (compatible) and ChangedGoFieldType (*int32 -> int32).
//
// Some rules depend on direction. A change that restricts what a request may
// carry (a constraint tightened, @required added, an enum value removed) is
// breaking-wire when the shape is reachable from an operation input, and
// compatible when it is only reachable from outputs and errors; a change that
// weakens what a response promises (@required removed, @sparse added) is
// breaking-wire only when the shape is reachable from an output or error.
// Directions are taken from both sides together.
//
// Adding a union member is compatible, also in Go: generated unions are
// sealed interfaces with an UnknownUnionMember variant, so clients already
// handle members they do not know, and Go type switches need no exhaustive
// case list. Adding an enum value is compatible for the same reason (Smithy
// requires clients to accept unknown values; generated enums are string
// types).
//
// When the IR cannot be built for one side (e.g. a protocol other than
// restJson1), the Go pass is skipped, Report.Notes says why, and RemovedShape
// decides "had a Go type" from the shape type instead.
//
// It may import the standard library, smithygen/model and smithygen/generator.
package modeldiff
