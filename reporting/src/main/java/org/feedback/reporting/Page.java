package org.feedback.reporting;

/** The dashboard's pages, in navigation order. */
public enum Page {
    OVERVIEW("", "index", "Overview", "MariaDB and MySQL servers reporting"),
    VERSIONS("versions", "versions", "Versions", "Server versions"),
    PLATFORM("platform", "platform", "Platform", "Operating systems and platforms"),
    HARDWARE("hardware", "hardware", "Hardware", "Hardware"),
    USAGE("usage", "usage", "Usage", "Engines, plugins, features and settings");

    private final String path;
    private final String fileName;
    private final String navigationTitle;
    private final String heading;

    Page(String path, String fileName, String navigationTitle, String heading) {
        this.path = path;
        this.fileName = fileName;
        this.navigationTitle = navigationTitle;
        this.heading = heading;
    }

    /** Returns the path below the server root, without a leading slash; empty for the overview. */
    public String path() {
        return path;
    }

    /** Returns the file name in a static site, without the {@code .html} extension. */
    public String fileName() {
        return fileName;
    }

    public String navigationTitle() {
        return navigationTitle;
    }

    public String heading() {
        return heading;
    }
}
