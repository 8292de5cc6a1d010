$version: "3.0"

namespace example.bad

use aws.protocols#restJson1

@restJson1
service Bad {
    version: "2024-01-01"
    operations: [PutThing]
}

@http(method: "POST", uri: "/things/{id}")
operation PutThing {
    input := {
        @required
        @httpLabel
        id: String

        name: Name
    }
}

string Name
