/** Errors with a Chinese message meant for the person in front of the screen. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Input that fails validation: one Chinese message per field, nothing written. */
export class ValidationError extends AppError {
  constructor(
    readonly fieldErrors: Record<string, string>,
    message = '提交的内容有误，请按提示修改后重新提交。',
  ) {
    super(message, 422);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = '您没有执行此操作的权限。') {
    super(message, 403);
  }
}

export class NotFoundError extends AppError {
  constructor(message = '您访问的内容不存在或已被删除。') {
    super(message, 404);
  }
}

export class ConflictError extends AppError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message, 409);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = '请先登录。') {
    super(message, 401);
  }
}
