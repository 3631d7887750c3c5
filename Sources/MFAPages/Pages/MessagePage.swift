/// A page that only tells something, such as "check your email", with a link onwards.
enum MessagePage {
    static func html(title: String, sentences: [String], link: (href: String, text: String)) -> String {
        Layout.document(title: title, body: """
            <div class="card">
            <h1>\(title)</h1>
            \(sentences.map { "<p>\($0)</p>" as HTML })
            <p><a href="\(link.href)">\(link.text)</a></p>
            </div>
            """)
    }
}
