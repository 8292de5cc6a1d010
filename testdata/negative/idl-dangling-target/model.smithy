$version: "2.0"

namespace example.negative

service Negative {
    version: "2024-01-01"
    operations: [PutThing]
}

@http(method: "POST", uri: "/thing")
operation PutThing {
    input := {
        name: Missing
    }
}
