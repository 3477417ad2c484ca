package com.smsverifyo.ui.common;

import javafx.scene.layout.Region;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

/**
 * The app's icons, drawn as SVG paths on a 24 × 24 grid (even-odd fill cuts the holes), so they
 * scale crisply and take their colour from CSS ({@code -fx-fill} via the {@code icon} style class).
 */
public enum Icons {
    DASHBOARD("M3 3h8v8H3z M13 3h8v5h-8z M13 10h8v11h-8z M3 13h8v8H3z"),
    RENTALS("M3 5h3v3H3z M8 5.5h13v2H8z M3 10.5h3v3H3z M8 11h13v2H8z M3 16h3v3H3z M8 16.5h13v2H8z"),
    RENT("M12 2a10 10 0 1 1 0 20a10 10 0 1 1 0-20z M11 6.5h2v4.5h4.5v2H13v4.5h-2V13H6.5v-2H11z"),
    KEY("M7 7.5a4.5 4.5 0 1 1 0 9a4.5 4.5 0 1 1 0-9z M7 10.3a1.7 1.7 0 1 0 0 3.4a1.7 1.7 0 1 0 0-3.4z "
            + "M11 11h11v2h-2v3.5h-2.2V13h-1.6v2.5H15V13h-4z"),
    WEBHOOK("M13.5 2L4 13.5h6.5L9.5 22L20 10h-6.8z"),
    BILLING("M3.5 4.5h17a1.5 1.5 0 0 1 1.5 1.5v12a1.5 1.5 0 0 1-1.5 1.5h-17A1.5 1.5 0 0 1 2 18V6a1.5 1.5 0 0 1 1.5-1.5z "
            + "M4 10.5V17.5h16V10.5z M5.5 14h5v2h-5z"),
    CUSTOMERS("M9 3.5a3.6 3.6 0 1 1 0 7.2a3.6 3.6 0 1 1 0-7.2z M1.5 20c0-4 3.4-7 7.5-7s7.5 3 7.5 7v1h-15z "
            + "M17 5.5a3 3 0 1 1 0 6a3 3 0 1 1 0-6z M17.8 13.2c2.7.5 4.7 2.7 4.7 5.8v2H18.3v-1c0-2.8-1-5.1-2.8-6.6z"),
    // Billing and Customers pages
    DOWNLOAD("M11 3h2v9.2l3.3-3.3l1.4 1.4L12 16l-5.7-5.7l1.4-1.4l3.3 3.3z M4 18h16v2H4z"),
    PLUS("M11 4h2v7h7v2h-7v7h-2v-7H4v-2h7z"),
    PAUSE("M6 5h4v14H6z M14 5h4v14h-4z"),
    PLAY("M7 4.5v15l12.5-7.5z"),
    TAG("M3 3h8.5l9.5 9.5l-8.5 8.5L3 11.5z M7.5 6a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3z"),
    SUPPORT("M10 2.5a7.5 7.5 0 1 1 0 15a7.5 7.5 0 1 1 0-15z M10 4.8a5.2 5.2 0 1 0 0 10.4a5.2 5.2 0 1 0 0-10.4z "
            + "M15.2 16.8l1.6-1.6l5.7 5.7l-1.6 1.6z"),
    SERVER("M3 3h18v5H3z M5 4.8h2v1.4H5z M3 9.5h18v5H3z M5 11.3h2v1.4H5z M3 16h18v5H3z M5 17.8h2v1.4H5z"),
    // Support page
    PENCIL("M3 17.25V21h3.75L17.8 9.95l-3.75-3.75z M20.7 7.05a1 1 0 0 0 0-1.4l-2.35-2.35a1 1 0 0 0-1.4 0L15.1 5.15l3.75 3.75z"),
    UNDO("M12.5 8c-2.65 0-5.05 1-6.9 2.6L2 7v9h9l-3.6-3.6A8 8 0 0 1 20.1 16l2.35-.8A10.5 10.5 0 0 0 12.5 8z"),
    CHEVRON("M8.6 5.4L10 4l8 8l-8 8l-1.4-1.4L15.2 12z"),
    COPY("M8 2h12a2 2 0 0 1 2 2v12h-2V4H8z M4 6h12a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2z "
            + "M4 8v12h12V8z"),
    CLOSE("M5.6 4.2L12 10.6l6.4-6.4l1.4 1.4L13.4 12l6.4 6.4l-1.4 1.4L12 13.4l-6.4 6.4l-1.4-1.4L10.6 12L4.2 5.6z"),
    CHECK("M9 16.2L4.8 12l-1.4 1.4L9 19L21 7l-1.4-1.4z"),
    REFRESH("M17.6 6.4A8 8 0 1 0 19.7 14h-2.1a6 6 0 1 1-1.4-6.2L13 11h7V4z"),
    SUN("M12 7a5 5 0 1 1 0 10a5 5 0 1 1 0-10z M11 1h2v3h-2z M11 20h2v3h-2z M1 11h3v2H1z M20 11h3v2h-3z "
            + "M4.2 5.6l1.4-1.4l2.1 2.1l-1.4 1.4z M16.3 17.7l1.4-1.4l2.1 2.1l-1.4 1.4z M4.2 18.4l2.1-2.1l1.4 1.4l-2.1 2.1z "
            + "M16.3 6.3l2.1-2.1l1.4 1.4l-2.1 2.1z"),
    MOON("M12.5 2.2A8.5 8.5 0 1 0 21.8 14a7 7 0 0 1-9.3-11.8z"),
    PHONE("M7 1.5h10a2 2 0 0 1 2 2v17a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-17a2 2 0 0 1 2-2z M7 4v14h10V4z M11 19.2h2v1.6h-2z"),
    PLUG("M8 2h2v5h4V2h2v5h2v4a6 6 0 0 1-5 5.9V22h-2v-5.1A6 6 0 0 1 6 11V7h2z"),
    WARNING("M12 2L1 21h22z M11 9h2v6h-2z M11 17h2v2h-2z"),
    RECEIPT("M5 2h14v20l-2.3-1.5L14.3 22L12 20.5L9.7 22l-2.4-1.5L5 22z M8 6.5h8v2H8z M8 10.5h8v2H8z M8 14.5h5v2H8z"),
    MESSAGE("M3 3.5h18a1 1 0 0 1 1 1V16a1 1 0 0 1-1 1H9.5L4 21.5V17H3a1 1 0 0 1-1-1V4.5a1 1 0 0 1 1-1z "
            + "M6 7.5h12v2H6z M6 11.5h8v2H6z");

    private final String path;

    Icons(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** A fresh icon node, {@code size} pixels square. */
    public Region node(double size) {
        SVGPath shape = new SVGPath();
        shape.setContent(path);
        shape.setFillRule(FillRule.EVEN_ODD);
        Region icon = new Region();
        icon.setShape(shape);
        icon.getStyleClass().add("icon");
        icon.setMinSize(size, size);
        icon.setPrefSize(size, size);
        icon.setMaxSize(size, size);
        return icon;
    }
}
