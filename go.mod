module github.com/smithygen/smithygen

go 1.26

require (
	github.com/aws/smithy-go v1.28.8 // indirect
	github.com/dave/jennifer v1.7.1 // indirect
	github.com/stretchr/testify v1.12.1 // indirect
)
