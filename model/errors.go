package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Error is one problem found in a model: where, which shape, what.
type Error struct {
	Pos   Pos
	Shape ShapeID
	Msg   string
}

// Error renders "pos: shape: message", leaving out empty parts.
func (e *Error) Error() string {
	var b strings.Builder
	if p := e.Pos.String(); p != "" {
		b.WriteString(p)
		b.WriteString(": ")
	}
	if !e.Shape.IsZero() {
		b.WriteString(e.Shape.String())
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errorf builds an *Error.
func Errorf(pos Pos, shape ShapeID, format string, args ...any) *Error {
	return &Error{Pos: pos, Shape: shape, Msg: fmt.Sprintf(format, args...)}
}

// MaxErrorsShown caps how many errors ErrorList.Error renders.
const MaxErrorsShown = 20

// ErrorList is a sorted list of model errors.
type ErrorList []*Error

// Sort orders the errors by file, line, column, pointer, shape and message.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Pos.Pointer, b.Pos.Pointer),
			a.Shape.Compare(b.Shape),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}

// Error renders one error a line, at most MaxErrorsShown of them.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i == MaxErrorsShown {
			fmt.Fprintf(&b, "\n... and %d more errors", len(l)-i)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns l as an error, or nil when empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}
