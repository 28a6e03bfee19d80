package se.outband;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads Outband's inline SVG QR codes back with ZXing, as a phone's camera would: drawn as pixels first, then decoded. */
public final class QrImages {

    /** One dark module of {@code se.outband.common.QrCodes}' path. */
    private static final Pattern MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");
    private static final int SCALE = 4;

    private QrImages() {
    }

    public static String decode(Element svg) throws Exception {
        int size = Integer.parseInt(svg.attr("viewBox").split(" ")[2]);
        BufferedImage image = new BufferedImage(size * SCALE, size * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D pen = image.createGraphics();
        pen.setColor(Color.WHITE);
        pen.fillRect(0, 0, image.getWidth(), image.getHeight());
        pen.setColor(Color.BLACK);
        Matcher module = MODULE.matcher(svg.selectFirst("path").attr("d"));
        while (module.find()) {
            pen.fillRect(Integer.parseInt(module.group(1)) * SCALE, Integer.parseInt(module.group(2)) * SCALE, SCALE, SCALE);
        }
        pen.dispose();
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        // A drawn code is upright and unblurred: the pure-barcode reader takes it as it is, where the
        // camera's finder-pattern search now and then misses a module pattern it does not expect.
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
