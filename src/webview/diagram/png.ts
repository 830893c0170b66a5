// PNG export of a rendered diagram: the SVG drawn onto a canvas at 2x (labels are SVG text, so the canvas stays clean).
const PNG_SCALE = 2;

export async function pngFromSvg(svg: string, width: number, height: number): Promise<Blob | undefined> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const png = document.createElement('canvas');
  png.width = width * PNG_SCALE;
  png.height = height * PNG_SCALE;
  const context = png.getContext('2d');
  if (!context) return undefined;
  context.scale(PNG_SCALE, PNG_SCALE);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve) => png.toBlob((blob) => resolve(blob ?? undefined), 'image/png'));
}

export async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
