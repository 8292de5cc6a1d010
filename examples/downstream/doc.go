// Package downstream shows smithygen used the way a project outside this
// repository uses it: a smithygen.json config file, a go:generate line that
// regenerates internal/quicksight from it, a golden test that fails when the
// checked-in package is out of date with the generator, and a test that
// drives the generated in-memory fake with the real aws-sdk-go-v2 QuickSight
// client.
//
// The package itself holds no code: everything it shows is in
// smithygen.json, internal/quicksight (generated; do not edit) and the tests.
// Regenerate with
//
//	go generate ./...
package downstream

//go:generate go run github.com/smithygen/smithygen/cmd/smithygen generate -config smithygen.json
