// Package model is smithygen's semantic model of Smithy 2.0: typed shape IDs,
// shapes, members, and traits with typed accessors, plus the assembly step
// (prelude, mixins, apply statements, validation) that every loader shares.
//
// The model knows Smithy and nothing of Go. Loaders for each input format
// live in sub-packages (model/astjson, model/botocore, model/idl) and all
// produce a *Model through a Builder; quirks of a format are settled inside
// its loader, never downstream.
//
// It may import only the standard library.
package model
