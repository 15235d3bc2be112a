// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "drc",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "drc", targets: ["drc"]),
        .executable(name: "drc-gen", targets: ["drc-gen"]),
    ],
    dependencies: [
        // The command-line parser the team standardised on (subcommands, help, exit codes).
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The web interface (`drc serve`): HTTP server, sessions and bcrypt passwords.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Already under Hummingbird: the session store's tidying ends with the server's graceful shutdown.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Already under Hummingbird: the server's access log goes through its Logger.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Zip archives: a .docx report and an .xlsx workbook are each a zip of XML parts
        // (WordprocessingML, SpreadsheetML). ZIPFoundation is the well-kept Swift zip (inflate and
        // deflate through the system zlib, ZIP64, checksums); a zip reader and writer of our own
        // would be a second format to get right and keep safe.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // SHA-256 for files' fingerprints: swift-crypto is already built for hummingbird-auth, and its
        // BoringSSL digest is faster and better tested than the one drc carried of its own.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // libxml2's push parser: a workbook's parts parsed as they inflate (Foundation's XMLParser
        // refuses a part past 10 MB and needs it whole). On Linux FoundationXML links it already.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The SQLite layer: connections, statements, values, transactions. No domain words.
        .target(name: "SQLiteDB", dependencies: ["CSQLite"]),
        // The records core: schema, repositories, money, reports. No command-line words.
        // `SQL` and `Seed` are symlinks to the top-level migrations/ and seed/ folders.
        // Built with the run-time exclusivity checks on: the import and export loops keep their
        // state in locals and structs (CSVScanner, FieldBytes, OutputSink's buffer), not in
        // class properties, so the checks stay out of the per-byte and per-field work.
        // Workbooks (.xlsx) as rows of text and back: the zip by ZIPFoundation, the XML by
        // libxml2's push parser (CLibXML2), part by part as it inflates. No domain words: the core turns its rows into records.
        .target(name: "Workbook", dependencies: ["CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "DRCCore",
            dependencies: ["SQLiteDB", "Workbook", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.embedInCode("SQL"), .embedInCode("Seed")]
        ),
        // Typed messages in words: every error, warning and label of the core rendered in
        // Chinese or English, for the command line and (later) the web.
        .target(name: "DRCText", dependencies: ["DRCCore", "SQLiteDB"]),
        // Documents rendered from the core's report model: Markdown, HTML with server-drawn SVG
        // charts (the web dashboard draws its charts here too), and Word (.docx).
        .target(
            name: "DRCDocuments",
            // Workbook: a Word chart carries its figures as an embedded .xlsx, for "Edit Data"; and the
            // one markup escaper.
            dependencies: ["DRCCore", "Workbook", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The web interface: thin routes over the same core, pages rendered on the server.
        .target(
            name: "DRCWeb",
            dependencies: [
                "DRCCore",
                "DRCDocuments",
                "DRCText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOCore", package: "swift-nio"),
                // Its parser's error type, to tell a malformed request (400) from drc's own fault.
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "DRCCommands",
            dependencies: [
                "DRCCore",
                "DRCDocuments",
                "DRCText",
                "DRCWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "drc", dependencies: ["DRCCommands"]),
        // Deterministic test data for the benchmarks and the reliability tests.
        .executableTarget(name: "drc-gen"),
        .testTarget(name: "SQLiteDBTests", dependencies: ["SQLiteDB"]),
        // ZIPFoundation builds zip packages part by part: other programs' workbooks, zip bombs.
        .testTarget(name: "WorkbookTests", dependencies: ["Workbook", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "DRCCoreTests", dependencies: ["DRCCore", "SQLiteDB"]),
        .testTarget(name: "DRCTextTests", dependencies: ["DRCText", "DRCCore", "SQLiteDB"]),
        // The command line in process (Drc.parseAsRoot): the README's and manuals' commands parse.
        .testTarget(name: "DRCCommandsTests", dependencies: ["DRCCommands", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Fixtures: files the tests read (the 2020 report as published), not resources.
        // ZIPFoundation opens the .docx the report writes, to check it as a package.
        .testTarget(name: "EndToEndTests", dependencies: ["DRCCore", "SQLiteDB", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    exclude: ["Fixtures"]),
        .testTarget(
            name: "DRCWebTests",
            dependencies: [
                "DRCWeb",
                "Workbook",
                "DRCCore",
                "DRCText",
                "SQLiteDB",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
