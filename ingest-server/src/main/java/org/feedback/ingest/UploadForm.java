package org.feedback.ingest;

/** The page at {@code GET /post}: forms that upload a report from a browser as a file or as pasted text. */
final class UploadForm {

    static final String HTML = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Feedback: upload a report</title></head>
            <body>
            <h1>Upload a report</h1>
            <p>Send the output of <code>mariadb -e 'select * from information_schema.feedback'</code>, or a report
            the agent printed. The server removes paths, addresses and other private values before it stores
            the report.</p>
            <form method="post" action="/post" enctype="multipart/form-data">
            <p><label>Report file <input type="file" name="data" required></label></p>
            <p><button type="submit">Upload file</button></p>
            </form>
            <form method="post" action="/post" enctype="multipart/form-data">
            <p><label>Report text<br><textarea name="data" rows="20" cols="100" required></textarea></label></p>
            <p><button type="submit">Upload text</button></p>
            </form>
            </body></html>
            """;

    private UploadForm() {
    }
}
