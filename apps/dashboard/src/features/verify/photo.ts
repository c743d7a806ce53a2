/** What the API accepts is 2 MB; a photo of a pack needs far less. */
const MAX_SIDE = 1600;
const TARGET_BYTES = 1_500_000;

export interface PreparedPhoto {
  /** A `data:image/jpeg;base64,…` URL, as the API takes it. */
  dataUrl: string;
  /** Bytes of the image itself. */
  bytes: number;
  width: number;
  height: number;
}

export class UnreadablePhotoError extends Error {
  constructor() {
    super('The photo cannot be read as an image');
    this.name = 'UnreadablePhotoError';
  }
}

async function decode(file: Blob): Promise<ImageBitmap | HTMLImageElement> {
  if ('createImageBitmap' in window) {
    try {
      // Turned upright from its EXIF orientation, as phones save them.
      return await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch {
      // Fall back on an <img>, which reads some formats createImageBitmap does not.
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } catch {
    throw new UnreadablePhotoError();
  } finally {
    URL.revokeObjectURL(url);
  }
}

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new UnreadablePhotoError())), 'image/jpeg', quality),
  );
}

function toDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new UnreadablePhotoError());
    reader.readAsDataURL(blob);
  });
}

/**
 * Shrinks a photo in the browser: at most 1600 px on its longer side, JPEG, lowering the quality
 * until it is under 1.5 MB (the API allows 2 MB).
 */
export async function preparePhoto(file: Blob): Promise<PreparedPhoto> {
  const image = await decode(file);
  const sourceWidth = image.width;
  const sourceHeight = image.height;
  if (!sourceWidth || !sourceHeight) throw new UnreadablePhotoError();
  let scale = Math.min(1, MAX_SIDE / Math.max(sourceWidth, sourceHeight));
  let quality = 0.85;
  try {
    for (;;) {
      const width = Math.max(1, Math.round(sourceWidth * scale));
      const height = Math.max(1, Math.round(sourceHeight * scale));
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) throw new UnreadablePhotoError();
      // JPEG has no transparency: a white background rather than black.
      context.fillStyle = '#fff';
      context.fillRect(0, 0, width, height);
      context.drawImage(image, 0, 0, width, height);
      const blob = await toBlob(canvas, quality);
      if (blob.size <= TARGET_BYTES || (quality <= 0.5 && scale <= 0.25)) {
        return { dataUrl: await toDataUrl(blob), bytes: blob.size, width, height };
      }
      if (quality > 0.55) quality -= 0.15;
      else scale *= 0.75;
    }
  } finally {
    if ('close' in image) image.close();
  }
}
