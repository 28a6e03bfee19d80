package se.outband.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line of percentages drawn as SVG by the page's template, with its axes: the reach curve and the drills'
 * trend. Coordinates are computed here so that the template only places them, and no script is needed.
 */
public record LineChart(String points, List<Tick> xTicks, List<Tick> yTicks, List<Dot> dots) {

    public static final int WIDTH = 600;
    public static final int HEIGHT = 300;
    static final int LEFT = 72;
    static final int RIGHT = 56;
    static final int TOP = 12;
    static final int BOTTOM = 40;
    static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    /** A mark on an axis: where its label stands (y is also where a line across the plot goes), and what it says. */
    public record Tick(String x, String y, String label) {
    }

    /** A point worth a marker of its own (a drill), with what it says to a pointer. */
    public record Dot(String x, String y, String label) {
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    public int top() {
        return TOP;
    }

    public int bottom() {
        return HEIGHT - BOTTOM;
    }

    /** The share reached after each minute, {@code percents.get(m)} at minute m, with minutes along the bottom. */
    static LineChart curve(List<Double> percents, String minutesWord) {
        int last = Math.max(1, percents.size() - 1);
        StringBuilder points = new StringBuilder();
        for (int minute = 0; minute < percents.size(); minute++) {
            points.append(minute == 0 ? "" : " ").append(x(minute / (double) last)).append(',').append(y(percents.get(minute)));
        }
        int step = niceStep(last);
        List<Tick> ticks = new ArrayList<>();
        for (int minute = 0; minute <= last; minute += step) {
            ticks.add(new Tick(x(minute / (double) last), String.valueOf(HEIGHT - BOTTOM + 24), minute + " " + minutesWord));
        }
        return new LineChart(points.toString(), ticks, percentTicks(), List.of());
    }

    /** One point per item, evenly spaced in order, each labelled below and marked with a dot. */
    static LineChart trend(List<Double> percents, List<String> labels) {
        int last = Math.max(1, percents.size() - 1);
        StringBuilder points = new StringBuilder();
        List<Tick> ticks = new ArrayList<>();
        List<Dot> dots = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(percents.size() / 6.0));
        for (int i = 0; i < percents.size(); i++) {
            double at = percents.size() == 1 ? 0.5 : i / (double) last;
            points.append(i == 0 ? "" : " ").append(x(at)).append(',').append(y(percents.get(i)));
            dots.add(new Dot(x(at), y(percents.get(i)), labels.get(i) + ": " + format(percents.get(i)) + " %"));
            if (i % every == 0) {
                ticks.add(new Tick(x(at), String.valueOf(HEIGHT - BOTTOM + 24), labels.get(i)));
            }
        }
        return new LineChart(points.toString(), ticks, percentTicks(), dots);
    }

    private static List<Tick> percentTicks() {
        List<Tick> ticks = new ArrayList<>();
        for (int percent = 0; percent <= 100; percent += 25) {
            ticks.add(new Tick(String.valueOf(LEFT - 6), y(percent), percent + " %"));
        }
        return ticks;
    }

    /** About five marks along an axis of {@code span} minutes, on round numbers. */
    static int niceStep(int span) {
        for (int step : new int[] {1, 2, 5, 10, 15, 30, 60, 120, 240, 360}) {
            if (span / step <= 6) {
                return step;
            }
        }
        return 720;
    }

    private static String x(double fraction) {
        return format(LEFT + fraction * PLOT_WIDTH);
    }

    private static String y(double percent) {
        return format(TOP + (100 - percent) / 100 * PLOT_HEIGHT);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
