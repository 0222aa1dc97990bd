package io.orderchat.attachments;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Small PNG previews of images, with the JDK's ImageIO (JPEG, PNG, GIF; WebP has no
 * reader there, so WebP images get no thumbnail). The image is decoded subsampled, so a
 * large photo never needs its full size in memory, and pictures over {@link #MAX_PIXELS}
 * (decompression bombs) get no thumbnail at all.
 */
final class Thumbnails {

	static final long MAX_PIXELS = 50_000_000L;

	private Thumbnails() {
	}

	/** The thumbnail as PNG bytes, or empty when the image cannot be decoded. */
	static Optional<byte[]> of(InputStream image, int maxSide) throws IOException {
		try (ImageInputStream input = ImageIO.createImageInputStream(image)) {
			if (input == null) {
				return Optional.empty();
			}
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				return Optional.empty();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
					return Optional.empty();
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, Math.max(width, height) / (maxSide * 2));
				param.setSourceSubsampling(step, step, 0, 0);
				return Optional.of(png(scaled(reader.read(0, param), maxSide)));
			}
			catch (IOException | RuntimeException ex) {
				// A truncated or odd image: it is stored as sent, just without preview.
				return Optional.empty();
			}
			finally {
				reader.dispose();
			}
		}
	}

	private static BufferedImage scaled(BufferedImage source, int maxSide) {
		double ratio = Math.min(1.0, (double) maxSide / Math.max(source.getWidth(), source.getHeight()));
		int width = Math.max(1, (int) Math.round(source.getWidth() * ratio));
		int height = Math.max(1, (int) Math.round(source.getHeight() * ratio));
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = target.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return target;
	}

	private static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
