package com.smsverifyo.ui.dashboard;

import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.dashboard.DashboardViewModel.Point;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The dashboard's three charts (JavaFX charts): spend per bucket as bars, first codes per bucket as
 * a line, and the balance at each bucket's end with the alert threshold as a dashed line. Values
 * are updated in place when the buckets stay the same, so live refreshes do not rebuild the charts.
 */
final class DashboardCharts {
    private final DashboardViewModel model;
    private final XYChart.Series<String, Number> spend = new XYChart.Series<>();
    private final XYChart.Series<String, Number> codes = new XYChart.Series<>();
    private final XYChart.Series<String, Number> balance = new XYChart.Series<>();
    private final XYChart.Series<String, Number> threshold = new XYChart.Series<>();
    private final CategoryAxis spendBuckets = categoryAxis();
    private final CategoryAxis codesBuckets = categoryAxis();
    private final CategoryAxis balanceBuckets = categoryAxis();
    private final NumberAxis spendAxis = valueAxis(DashboardCharts::dollars);
    private final NumberAxis codesAxis = valueAxis(DashboardCharts::count);
    private final NumberAxis balanceAxis = valueAxis(DashboardCharts::dollars);
    private final BarChart<String, Number> spendChart;
    private final LineChart<String, Number> codesChart;
    private final LineChart<String, Number> balanceChart;

    DashboardCharts(DashboardViewModel model) {
        this.model = model;
        spend.setName("Spend");
        codes.setName("Codes");
        balance.setName("Balance");
        threshold.setName("Alert threshold");

        spendChart = new BarChart<>(spendBuckets, spendAxis);
        spendChart.setBarGap(0);
        // Bars take about two thirds of their slot, whether there are 24 of them or 7.
        spendBuckets.widthProperty().addListener((obs, old, width) -> spaceBars());
        spendBuckets.getCategories().addListener((ListChangeListener<String>) change -> spaceBars());
        spendChart.getData().add(spend);
        style(spendChart, "dashboard-spend-chart", 190);

        codesChart = new LineChart<>(codesBuckets, codesAxis);
        codesChart.getData().add(codes);
        style(codesChart, "dashboard-codes-chart", 190);

        balanceChart = new LineChart<>(balanceBuckets, balanceAxis);
        balanceChart.setCreateSymbols(false);
        balanceChart.getData().add(balance);
        balanceChart.getData().add(threshold);
        style(balanceChart, "dashboard-balance-chart", 190);

        model.series().addListener((ListChangeListener<Point>) change -> update());
        model.thresholdProperty().addListener((obs, old, next) -> update());
        update();
    }

    private void spaceBars() {
        int count = Math.max(1, spendBuckets.getCategories().size());
        double slot = spendBuckets.getWidth() / count;
        spendChart.setCategoryGap(Math.max(2, slot * (count <= 7 ? 0.45 : 0.3)));
    }

    Node spend() {
        return spendChart;
    }

    Node codes() {
        return codesChart;
    }

    Node balance() {
        return balanceChart;
    }

    private void update() {
        List<Point> points = model.series();
        List<String> labels = points.stream().map(Point::label).toList();
        for (CategoryAxis axis : List.of(spendBuckets, codesBuckets, balanceBuckets)) {
            if (!axis.getCategories().equals(labels)) {
                axis.getCategories().setAll(labels);
            }
        }
        sync(spend, points, point -> point.spend(), point -> point.period() + "\n" + Formats.usd(point.spend()) + " spent");
        sync(codes, points, Point::codes, point -> point.period() + "\n" + point.codes()
                + (point.codes() == 1 ? " code" : " codes"));
        sync(balance, points, Point::balance, point -> point.period() + "\nBalance " + Formats.usd(point.balance()));
        BigDecimal limit = model.thresholdProperty().get();
        if (limit == null) {
            threshold.getData().clear();
        } else {
            sync(threshold, points, point -> limit, point -> "Alert threshold " + Formats.usd(limit));
        }

        scale(spendAxis, points.stream().mapToDouble(p -> p.spend().doubleValue()).max().orElse(0), false);
        scale(codesAxis, points.stream().mapToDouble(Point::codes).max().orElse(0), true);
        double top = points.stream().mapToDouble(p -> p.balance().doubleValue()).max().orElse(0);
        // Headroom above the higher of the two, so neither line runs along the chart's top edge.
        scale(balanceAxis, 1.05 * Math.max(top, limit == null ? 0 : limit.doubleValue()), false);
    }

    /**
     * Sets the series to the points: values in place when the buckets are the same, else new data.
     * Each data node carries a tooltip with the bucket's period and value.
     */
    private static void sync(XYChart.Series<String, Number> series, List<Point> points, Function<Point, Number> value,
                             Function<Point, String> tip) {
        List<XYChart.Data<String, Number>> data = series.getData();
        boolean same = data.size() == points.size();
        for (int i = 0; same && i < points.size(); i++) {
            same = data.get(i).getXValue().equals(points.get(i).label());
        }
        if (same) {
            for (int i = 0; i < points.size(); i++) {
                data.get(i).setYValue(value.apply(points.get(i)));
                data.get(i).setExtraValue(tip.apply(points.get(i)));
            }
            return;
        }
        series.getData().setAll(points.stream().map(point -> {
            XYChart.Data<String, Number> item = new XYChart.Data<>(point.label(), value.apply(point));
            item.setExtraValue(tip.apply(point));
            item.nodeProperty().addListener((obs, old, node) -> {
                if (node != null) {
                    Tooltip tooltip = new Tooltip();
                    tooltip.setShowDelay(Duration.millis(150));
                    tooltip.setOnShowing(event -> tooltip.setText(String.valueOf(item.getExtraValue())));
                    Tooltip.install(node, tooltip);
                }
            });
            return item;
        }).toList());
    }

    /** A fixed range from 0 to a round number at or above {@code max}, in four steps. */
    static void scale(NumberAxis axis, double max, boolean whole) {
        double top = niceCeiling(Math.max(max, whole ? 4 : 1));
        double step = top / 4;
        if (whole && step != Math.floor(step)) {
            step = Math.ceil(step);
            top = step * 4;
        }
        axis.setLowerBound(0);
        axis.setUpperBound(top);
        axis.setTickUnit(step);
    }

    /** The smallest of 1, 2, 4, 6, 8, 10 × a power of ten that is at least {@code value}: quarters stay round. */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double factor : new double[] {1, 2, 4, 6, 8, 10}) {
            if (factor * power >= value - 1e-9) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    /**
     * Buckets are set by hand, not auto-ranged: an auto-ranging category axis turns its labels
     * sideways when they crowd, while a fixed one shows every n-th label upright.
     */
    private static CategoryAxis categoryAxis() {
        CategoryAxis axis = new CategoryAxis(FXCollections.observableArrayList());
        axis.setAutoRanging(false);
        axis.setAnimated(false);
        axis.setTickLabelGap(4);
        axis.setTickLength(0);
        return axis;
    }

    private static NumberAxis valueAxis(Function<Double, String> format) {
        NumberAxis axis = new NumberAxis();
        axis.setAutoRanging(false);
        axis.setAnimated(false);
        axis.setMinorTickVisible(false);
        axis.setTickLength(0);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return format.apply(value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        return axis;
    }

    private static void style(XYChart<String, Number> chart, String id, double height) {
        chart.setId(id);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setVerticalGridLinesVisible(false);
        chart.setAlternativeRowFillVisible(false);
        chart.setHorizontalZeroLineVisible(false);
        chart.setMinHeight(160);
        chart.setPrefHeight(height);
        chart.getStyleClass().add("dashboard-chart");
    }

    private static String dollars(double value) {
        return value == Math.rint(value) ? String.format(Locale.US, "$%,.0f", value)
                : String.format(Locale.US, "$%,.2f", value);
    }

    private static String count(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : "";
    }
}
